package org.singanseg.studio.core.gan;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * How long a training would take on this machine, from a short timing of real iterations: a few
 * at the image's coarsest scale, where per-operation overhead dominates, a few at about 96 px,
 * where the convolutions do (both at width 32), and a few at about 11000 pixels at width 64 and
 * 128. An iteration is modelled as (critic + generator steps) / 4 times
 * (overhead + pixels x cost per pixel at the scale's width). The cost per pixel is measured at
 * width 32 on the 96 px probe, where narrow scales run, and at width 64 and 128 on the larger
 * probes, where the presets' wide scales run: large enough for the same convolution algorithms
 * (Winograd's, whichever runs it) and for the arithmetic to dominate. Between these widths it
 * grows as a power of the width, fitted per doubling and held between 2x (linear) and 4x (the
 * arithmetic) per doubling; beyond them the nearest doubling's power goes on. The two doublings
 * cost differently (the wider layers use the CPU better), and a wide probe smaller than the
 * Winograd size timed other kernels than the presets' wide scales run: either misjudges the paper
 * preset by hours. A training run starts from this estimate and corrects it by its own pace (see
 * {@link EtaModel}).
 */
public final class DurationEstimator {
    private static final int PROBE_ITERATIONS = 8;
    /** The first iterations are slower (allocation, oneDNN set-up) and are not counted. */
    private static final int WARM_UP = EtaModel.WARM_UP;
    private static final int PROBE_STEPS = 4;
    private static final int PROBE_WIDTH = 32;
    /** Above the size from which Winograd's algorithm runs the wide layers on every instruction set. */
    private static final int WIDE_PROBE_PIXELS = 11_000;

    private final double overheadSeconds;
    /** Seconds per pixel at width 32. */
    private final double secondsPerPixel;
    /** How the cost per pixel grows with the width, as a power of 2 per doubling: from 32 to 64, and beyond 64. */
    private final double narrowExponent;
    private final double wideExponent;

    /**
     * No calibration, for the ratios between scales alone: the arithmetic of the convolutions,
     * pixels times width squared, in arbitrary units.
     */
    static final DurationEstimator ARITHMETIC = new DurationEstimator(0, 1, 2, 2);

    DurationEstimator(double overheadSeconds, double secondsPerPixel, double narrowExponent, double wideExponent) {
        this.overheadSeconds = overheadSeconds;
        this.secondsPerPixel = secondsPerPixel;
        this.narrowExponent = narrowExponent;
        this.wideExponent = wideExponent;
    }

    /**
     * Times real iterations on the pair (half a minute on the engine thread of a 2-core CPU).
     *
     * @param giveUp checked every iteration: true stops the calibration
     * @throws CancellationException when giveUp said so
     */
    public static DurationEstimator calibrate(TrainingPair pair, BooleanSupplier giveUp) throws Exception {
        int wideSide = wideProbeLongerSide(pair);
        int wideShorterSide = finestShorterSide(pair, wideSide);
        // The width-32 probes once untimed, so that the JIT has compiled the engine's loops, and
        // oneDNN made its primitives, for each shape before the timings; the wide probes' own
        // first iterations are not counted. The wide probes are timed before the width-32 ones:
        // on two cores the JIT's compiler thread, still busy after the untimed pass, would take a
        // core from their timings.
        narrowProbes(pair, giveUp);
        Probe widest = probe(pair, wideSide, wideShorterSide, 4 * PROBE_WIDTH, giveUp);
        Probe wide = probe(pair, wideSide, wideShorterSide, 2 * PROBE_WIDTH, giveUp);
        Probe[] narrow = narrowProbes(pair, giveUp);
        Probe coarse = narrow[0];
        Probe fine = narrow[1];
        double perPixel = fine.pixels() > coarse.pixels()
                ? Math.max(0, (fine.seconds() - coarse.seconds()) / (fine.pixels() - coarse.pixels())) : 0;
        double overhead = Math.max(0, coarse.seconds() - perPixel * coarse.pixels());
        double widePerPixel = wide.workPerPixel(overhead);
        return new DurationEstimator(overhead, perPixel, doublingExponent(perPixel, widePerPixel),
                doublingExponent(widePerPixel, widest.workPerPixel(overhead)));
    }

    /** At width 32: the coarsest scale (overhead) and 96 px (cost per pixel). */
    private static Probe[] narrowProbes(TrainingPair pair, BooleanSupplier giveUp) throws Exception {
        return new Probe[]{probe(pair, 96, TrainingSettings.quick().minSize(), PROBE_WIDTH, giveUp),
                probe(pair, 96, finestShorterSide(pair, 96), PROBE_WIDTH, giveUp)};
    }

    /** The cost per pixel of twice the width over that of the width, as a power of 2, held to 1-2. */
    private static double doublingExponent(double perPixel, double twiceTheWidthPerPixel) {
        if (!(perPixel > 0 && twiceTheWidthPerPixel > 0)) {
            return 2;
        }
        return Math.max(1, Math.min(2, Math.log(twiceTheWidthPerPixel / perPixel) / Math.log(2)));
    }

    /** Expected seconds to train these settings on an image of this size: what the run starts its own estimate from. */
    public double seconds(TrainingSettings settings, int imageHeight, int imageWidth) {
        return new EtaModel(settings, Trainer.plan(settings, imageHeight, imageWidth), this).totalSeconds();
    }

    /** Expected seconds per iteration at a scale of this many pixels. */
    double secondsPerIteration(TrainingSettings settings, int scale, double pixels) {
        double stepsShare = (settings.criticSteps() + settings.generatorSteps()) / (double) PROBE_STEPS;
        double doublings = Math.log(settings.widthAt(scale) / (double) PROBE_WIDTH) / Math.log(2);
        double widthFactor = Math.pow(2, narrowExponent * Math.min(doublings, 1)
                + wideExponent * Math.max(doublings - 1, 0));
        return stepsShare * (overheadSeconds + secondsPerPixel * pixels * widthFactor);
    }

    /** The fitted figures, for the log. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "overhead %.1f ms, %.2f us per pixel at width 32, x%.2f per doubling "
                        + "to width 64, x%.2f beyond", overheadSeconds * 1e3, secondsPerPixel * 1e6,
                Math.pow(2, narrowExponent), Math.pow(2, wideExponent));
    }

    private record Probe(double seconds, double pixels) {
        /** Seconds per pixel beyond the overhead. */
        double workPerPixel(double overhead) {
            return (seconds - overhead) / pixels;
        }
    }

    /** The longer side at which the image has about {@link #WIDE_PROBE_PIXELS} pixels (or its own, if smaller). */
    private static int wideProbeLongerSide(TrainingPair pair) {
        double aspect = (double) Math.max(pair.height(), pair.width()) / Math.min(pair.height(), pair.width());
        return (int) Math.min(Math.ceil(Math.sqrt(WIDE_PROBE_PIXELS * aspect)), Math.max(pair.height(), pair.width()));
    }

    /** The shorter side of the image scaled to maxSize: a probe of one scale at that size. */
    private static int finestShorterSide(TrainingPair pair, int maxSize) {
        Pyramid pyramid = Pyramid.plan(pair.height(), pair.width(), maxSize, 25, 0.75);
        return Math.min(pyramid.finestHeight(), pyramid.finestWidth());
    }

    /** Median seconds per iteration of the coarsest scale of a pyramid from maxSize down to minSize. */
    private static Probe probe(TrainingPair pair, int maxSize, int minSize, int width, BooleanSupplier giveUp)
            throws Exception {
        TrainingSettings settings = TrainingSettings.quick().toBuilder().maxSize(maxSize).minSize(minSize)
                .iterations(1000).criticSteps(2).generatorSteps(2).widthInitial(width).widthMax(width)
                .widthDoublingEvery(0).seed(1).build();
        long[] times = new long[PROBE_ITERATIONS + 1];
        int[] size = new int[2];
        int[] seen = {0};
        TrainingListener timer = new TrainingListener() {
            @Override
            public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
                size[0] = height;
                size[1] = width;
                times[0] = System.nanoTime();
            }

            @Override
            public void iteration(IterationStats stats) {
                if (seen[0] < PROBE_ITERATIONS) {
                    times[++seen[0]] = System.nanoTime();
                }
            }
        };
        try {
            new Trainer(settings, timer, () -> seen[0] >= PROBE_ITERATIONS || giveUp.getAsBoolean())
                    .train(pair, new SourceInfo("probe", "probe", null, pair.width(), pair.height(), 0), null, model -> { });
        } catch (CancellationException expected) {
            // Stopped after the probe iterations, as intended, or given up.
        }
        if (seen[0] < PROBE_ITERATIONS) {
            throw new CancellationException("The duration calibration was given up.");
        }
        // The median of the iterations after the warm-up is the steady pace.
        double[] gaps = new double[PROBE_ITERATIONS - WARM_UP];
        for (int i = WARM_UP + 1; i <= PROBE_ITERATIONS; i++) {
            gaps[i - WARM_UP - 1] = (times[i] - times[i - 1]) / 1e9;
        }
        Arrays.sort(gaps);
        return new Probe(gaps[gaps.length / 2], (double) size[0] * size[1]);
    }
}
