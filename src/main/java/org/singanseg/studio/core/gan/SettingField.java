package org.singanseg.studio.core.gan;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One training setting as people see it: its command-line flag, label, help text, type and range,
 * with a getter and a with-er. {@link #ALL} describes every component of {@link TrainingSettings};
 * the command line's options, the app's settings form, the range checks and the settings'
 * description are all made from it, so a new setting appears everywhere at once.
 *
 * @param <T> Integer, Long, Double or Boolean
 */
public final class SettingField<T> {
    public static final List<SettingField<?>> ALL = List.of(
            integer("maxSize", "--max-size", "Max size (px)", "Longer side of the finest scale, px.",
                    Range.atLeast(10), TrainingSettings::maxSize, TrainingSettings.Builder::maxSize),
            integer("minSize", "--min-size", "Min size (px)", "Shorter side of the coarsest scale, px.",
                    Range.atLeast(10), TrainingSettings::minSize, TrainingSettings.Builder::minSize),
            decimal("scaleFactor", "--scale-factor", "Scale factor",
                    "Initial factor between scales (recomputed to fit the min and max size).",
                    Range.open(0.3, 1), TrainingSettings::scaleFactor, TrainingSettings.Builder::scaleFactor),
            integer("iterations", "--iterations", "Iterations per scale",
                    "Iterations per scale; the learning rates drop tenfold after 80% of them.",
                    Range.atLeast(1), TrainingSettings::iterations, TrainingSettings.Builder::iterations),
            integer("criticSteps", "--critic-steps", "Critic steps", "Critic updates per iteration.",
                    Range.atLeast(1), TrainingSettings::criticSteps, TrainingSettings.Builder::criticSteps),
            integer("generatorSteps", "--generator-steps", "Generator steps", "Generator updates per iteration.",
                    Range.atLeast(1), TrainingSettings::generatorSteps, TrainingSettings.Builder::generatorSteps),
            decimal("learningRateG", "--lr-g", "Learning rate, generator", "Adam learning rate of the generators.",
                    Range.above(0), TrainingSettings::learningRateG, TrainingSettings.Builder::learningRateG),
            decimal("learningRateD", "--lr-d", "Learning rate, critic", "Adam learning rate of the critics.",
                    Range.above(0), TrainingSettings::learningRateD, TrainingSettings.Builder::learningRateD),
            decimal("beta1", "--beta1", "Adam beta1", "Adam beta1 (beta2 is 0.999).",
                    Range.closedOpen(0, 1), TrainingSettings::beta1, TrainingSettings.Builder::beta1),
            decimal("alpha", "--alpha", "Reconstruction weight (alpha)", "Weight of the reconstruction loss.",
                    Range.atLeast(0), TrainingSettings::alpha, TrainingSettings.Builder::alpha),
            decimal("lambda", "--lambda", "Gradient penalty weight (lambda)", "Weight of the gradient penalty.",
                    Range.atLeast(0), TrainingSettings::lambda, TrainingSettings.Builder::lambda),
            integer("widthInitial", "--width", "Width at the coarsest scale",
                    "Network width (nfc) at the coarsest scale.",
                    Range.closed(4, 512), TrainingSettings::widthInitial, TrainingSettings.Builder::widthInitial),
            integer("widthMax", "--width-max", "Largest width", "Largest network width.",
                    Range.closed(4, 512), TrainingSettings::widthMax, TrainingSettings.Builder::widthMax),
            integer("widthDoublingEvery", "--width-doubling", "Width doubles every (scales)",
                    "The width doubles every this many scales (0: never).",
                    Range.atLeast(0), TrainingSettings::widthDoublingEvery, TrainingSettings.Builder::widthDoublingEvery),
            decimal("noiseAmpFactor", "--noise-amp", "Noise amplitude factor",
                    "Noise amplitude of a scale: this times the RMSE of the upsampled reconstruction.",
                    Range.atLeast(0), TrainingSettings::noiseAmpFactor, TrainingSettings.Builder::noiseAmpFactor),
            integer("windowSize", "--window", "Training window (px)",
                    "Scales larger than this train on a random window of this side per iteration, which "
                    + "saves time at the fine scales (0: the whole image, as the paper).",
                    Range.atLeast(0), TrainingSettings::windowSize, TrainingSettings.Builder::windowSize),
            new SettingField<>("batchNorm", "--batch-norm", "Batch norm",
                    "Batch norm in the generators and critics at every scale, true or false; false keeps it at "
                    + "the coarsest scale only (the reference: true; the sharp preset: false).",
                    Boolean.class, Range.ANY, TrainingSettings::batchNorm, TrainingSettings.Builder::batchNorm),
            new SettingField<>("seed", "--seed", "Random seed",
                    "Random seed: the same seed on the same machine gives the same model.",
                    Long.class, Range.ANY, TrainingSettings::seed, TrainingSettings.Builder::seed));

    private final String name;
    private final String flag;
    private final String label;
    private final String help;
    private final Class<T> type;
    private final Range range;
    private final Function<TrainingSettings, T> getter;
    private final BiConsumer<TrainingSettings.Builder, T> setter;

    private SettingField(String name, String flag, String label, String help, Class<T> type, Range range,
                         Function<TrainingSettings, T> getter, BiConsumer<TrainingSettings.Builder, T> setter) {
        this.name = name;
        this.flag = flag;
        this.label = label;
        this.help = help;
        this.type = type;
        this.range = range;
        this.getter = getter;
        this.setter = setter;
    }

    private static SettingField<Integer> integer(String name, String flag, String label, String help, Range range,
                                                 Function<TrainingSettings, Integer> getter,
                                                 BiConsumer<TrainingSettings.Builder, Integer> setter) {
        return new SettingField<>(name, flag, label, help, Integer.class, range, getter, setter);
    }

    private static SettingField<Double> decimal(String name, String flag, String label, String help, Range range,
                                                Function<TrainingSettings, Double> getter,
                                                BiConsumer<TrainingSettings.Builder, Double> setter) {
        return new SettingField<>(name, flag, label, help, Double.class, range, getter, setter);
    }

    /** The name of the {@link TrainingSettings} component. */
    public String name() {
        return name;
    }

    /** The command-line option, e.g. {@code --max-size}. */
    public String flag() {
        return flag;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public Class<T> type() {
        return type;
    }

    public Range range() {
        return range;
    }

    public T get(TrainingSettings settings) {
        return getter.apply(settings);
    }

    public TrainingSettings with(TrainingSettings settings, T value) {
        TrainingSettings.Builder builder = settings.toBuilder();
        setter.accept(builder, value);
        return builder.build();
    }

    /** {@link #with} for a value of this field's {@link #type()} held as an Object (a parsed option). */
    public TrainingSettings withValue(TrainingSettings settings, Object value) {
        return with(settings, type.cast(value));
    }

    /**
     * {@link #with} for a value typed by a person.
     * @throws IllegalArgumentException naming the field when the text is not a number of its type
     */
    public TrainingSettings withText(TrainingSettings settings, String text) {
        return with(settings, parse(text.trim()));
    }

    /** The value as a person would type it. */
    public String format(TrainingSettings settings) {
        return String.valueOf(get(settings));
    }

    /** @throws IllegalArgumentException naming the field, its range and the value, when out of range */
    void check(TrainingSettings settings) {
        T value = get(settings);
        if (value instanceof Number number && !range.contains(number.doubleValue())) {
            throw new IllegalArgumentException("Invalid setting: \"" + label + "\" must be " + range.describe()
                    + "; it is " + value + ".");
        }
    }

    private T parse(String text) {
        if (type == Boolean.class) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("\"" + label + "\" must be true or false; it is \"" + text + "\".");
            }
            return type.cast(Boolean.valueOf(text));
        }
        try {
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
            return type.cast(Double.valueOf(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + label + "\" must be a number"
                    + (type == Double.class ? "" : " without decimals") + "; it is \"" + text + "\".");
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** The values a setting may take: a lower and an upper bound, each included or not, or none. */
    public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        static Range atLeast(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, false);
        }

        static Range above(double min) {
            return new Range(min, false, Double.POSITIVE_INFINITY, false);
        }

        static Range open(double min, double max) {
            return new Range(min, false, max, false);
        }

        static Range closedOpen(double min, double max) {
            return new Range(min, true, max, false);
        }

        static Range closed(double min, double max) {
            return new Range(min, true, max, true);
        }

        public boolean contains(double value) {
            return (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
        }

        /** E.g. "at least 1", "greater than 0.3 and less than 1"; "any number" for {@link #ANY}. */
        public String describe() {
            String lower = Double.isInfinite(min) ? "" : (minIncluded ? "at least " : "greater than ") + number(min);
            String upper = Double.isInfinite(max) ? "" : (maxIncluded ? "at most " : "less than ") + number(max);
            if (lower.isEmpty() && upper.isEmpty()) {
                return "any number";
            }
            return lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
        }

        private static String number(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
