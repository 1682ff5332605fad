package org.singanseg.studio.core.gan;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * How long a training would take on this machine, from a short timing of real iterations: a few
 * at the image's coarsest scale, where per-operation overhead dominates, a few at about 96 px,
 * where the convolutions do, and a few at about 72 px with width 32 and with 4x the width. An
 * iteration is modelled as (critic + generator steps) / 4 times
 * (overhead + cost x pixels x (width / 32)^g): g is 2 for the arithmetic, less where wide
 * convolutions use the CPU better, and comes from the two timings at 72 px. Those run where the
 * arithmetic dominates, as at the wide presets' finest scales (timed on the coarsest scale,
 * overhead would hide the width's cost). The width-32 timing at 72 px is the wide one's baseline
 * because the cost per pixel is not the same at all sizes, and a baseline at another size would
 * mix that difference into g. An estimate: the finest scales of wide presets are extrapolated. A training run starts from this estimate and corrects it by its own pace (see
 * {@link EtaModel}).
 */
public final class DurationEstimator {
    private static final int PROBE_ITERATIONS = 8;
    /** The first iterations are slower (allocation, oneDNN set-up) and are not counted. */
    private static final int WARM_UP = EtaModel.WARM_UP;
    private static final int PROBE_STEPS = 4;
    private static final int PROBE_WIDTH = 32;
    private static final int WIDE_PROBE_WIDTH = 128;
    private static final int WIDE_PROBE_SIZE = 72;

    private final double overheadSeconds;
    /** Seconds per pixel at width 32. */
    private final double secondsPerPixel;
    private final double widthExponent;

    /**
     * No calibration, for the ratios between scales alone: the arithmetic of the convolutions,
     * pixels times width squared, in arbitrary units.
     */
    static final DurationEstimator ARITHMETIC = new DurationEstimator(0, 1, 2);

    DurationEstimator(double overheadSeconds, double secondsPerPixel, double widthExponent) {
        this.overheadSeconds = overheadSeconds;
        this.secondsPerPixel = secondsPerPixel;
        this.widthExponent = widthExponent;
    }

    /** Times real iterations on the pair (a few seconds on the engine thread). */
    public static DurationEstimator calibrate(TrainingPair pair) throws Exception {
        // Every probe once untimed, so that the JIT has compiled the engine's loops, and oneDNN
        // made its primitives, for each shape before the timings.
        probes(pair);
        return fitted(probes(pair));
    }

    /** The four probes the calibration fits: two sizes at width 32, and a width of 32 and of 128. */
    private static Probes probes(TrainingPair pair) throws Exception {
        // Smaller than the fine probe, to keep calibration short, yet large enough for the
        // convolutions that wide nets on large images use (Winograd's).
        int wideSide = finestShorterSide(pair, WIDE_PROBE_SIZE);
        return new Probes(probe(pair, 96, TrainingSettings.quick().minSize(), PROBE_WIDTH),
                probe(pair, 96, finestShorterSide(pair, 96), PROBE_WIDTH),
                probe(pair, WIDE_PROBE_SIZE, wideSide, PROBE_WIDTH),
                probe(pair, WIDE_PROBE_SIZE, wideSide, WIDE_PROBE_WIDTH));
    }

    private static DurationEstimator fitted(Probes probes) {
        Probe coarse = probes.coarse();
        Probe fine = probes.fine();
        Probe narrow = probes.narrow();
        Probe wide = probes.wide();
        double perPixel = fine.pixels() > coarse.pixels()
                ? Math.max(0, (fine.seconds() - coarse.seconds()) / (fine.pixels() - coarse.pixels())) : 0;
        double overhead = Math.max(0, coarse.seconds() - perPixel * coarse.pixels());
        // Without the overhead where it is a small part of the narrow timing; where it is not,
        // noise in the difference would swamp the ratio, so the whole timings are compared.
        double narrowWork = narrow.seconds() - overhead;
        double widthRatio = narrowWork >= 0.25 * narrow.seconds()
                ? (wide.seconds() - overhead) / narrowWork : wide.seconds() / narrow.seconds();
        double exponent = Math.log(Math.max(1, widthRatio)) / Math.log((double) WIDE_PROBE_WIDTH / PROBE_WIDTH);
        return new DurationEstimator(overhead, perPixel, Math.max(1, Math.min(2, exponent)));
    }

    /** Expected seconds to train these settings on an image of this size: what the run starts its own estimate from. */
    public double seconds(TrainingSettings settings, int imageHeight, int imageWidth) {
        return new EtaModel(settings, Trainer.plan(settings, imageHeight, imageWidth), this).totalSeconds();
    }

    /** Expected seconds per iteration at a scale of this many pixels. */
    double secondsPerIteration(TrainingSettings settings, int scale, double pixels) {
        double stepsShare = (settings.criticSteps() + settings.generatorSteps()) / (double) PROBE_STEPS;
        double widthFactor = Math.pow(settings.widthAt(scale) / (double) PROBE_WIDTH, widthExponent);
        return stepsShare * (overheadSeconds + secondsPerPixel * pixels * widthFactor);
    }

    private record Probe(double seconds, double pixels) {
    }

    private record Probes(Probe coarse, Probe fine, Probe narrow, Probe wide) {
    }

    /** The shorter side of the image scaled to maxSize: a probe of one scale at that size. */
    private static int finestShorterSide(TrainingPair pair, int maxSize) {
        Pyramid pyramid = Pyramid.plan(pair.height(), pair.width(), maxSize, 25, 0.75);
        return Math.min(pyramid.finestHeight(), pyramid.finestWidth());
    }

    /** Median seconds per iteration of the coarsest scale of a pyramid from maxSize down to minSize. */
    private static Probe probe(TrainingPair pair, int maxSize, int minSize, int width) throws Exception {
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
            new Trainer(settings, timer, () -> seen[0] >= PROBE_ITERATIONS)
                    .train(pair, new SourceInfo("probe", "probe", null, pair.width(), pair.height(), 0), null, model -> { });
        } catch (CancellationException expected) {
            // Stopped after the probe iterations, as intended.
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
