package org.singanseg.studio.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.singanseg.studio.core.compare.FineDetail;
import org.singanseg.studio.core.compare.SampleSetQuality;
import org.singanseg.studio.core.gan.FourChannel;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.ContactSheet;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Trains a model on one pair and reports per scale: size, width, the median and mean ms per
 * iteration and the minutes taken; then
 * writes a contact sheet of the real pair and 8 samples at start scales 0 and 3 (nearly empty masks drawn
 * again, as generate does), and measures 16 samples at start scale 0 against the real image
 * ({@link SampleSetQuality}): the first draws, and the same with nearly empty masks drawn again,
 * and the fine detail of the samples of both start scales at the paper's 250 px ({@link FineDetail}),
 * which compares presets at one size.
 *
 * <p>The timed run follows an untimed warm-up on the two coarsest scales: the JVM compiles the
 * engine's Java loops during its first few hundred iterations (on a 2-core machine its compiler
 * thread also takes a core), which a real training pays once in its first minute but which would
 * dominate a benchmark of 20 iterations per scale.
 */
final class TrainBenchmark {
    private static final int SAMPLES = 8;
    /** Samples at start scale 0 measured for patch distance, diversity and empty masks. */
    private static final int QUALITY_SAMPLES = 16;
    private static final int DETAIL_SIZE = 250;
    private static final int WARM_UP_SCALES = 2;
    private static final int WARM_UP_ITERATIONS = 80;

    private final PrintStream out;

    TrainBenchmark(PrintStream out) {
        this.out = out;
    }

    /**
     * Median time of iterations 5 onwards (as the PyTorch reference figures are measured), or of
     * all iterations when there are fewer than 10.
     */
    static double medianAfterWarmUp(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis.size() >= 10 ? millis.subList(4, millis.size()) : millis);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void warmUp(TrainingPair pair, TrainingSettings settings) throws Exception {
        int iterations = WARM_UP_ITERATIONS;
        int[] finished = {0};
        TrainingListener counter = new TrainingListener() {
            @Override
            public void scaleFinished(int scale, double seconds) {
                finished[0]++;
            }
        };
        long start = System.nanoTime();
        try {
            new Trainer(settings.toBuilder().iterations(iterations).build(), counter, () -> finished[0] >= WARM_UP_SCALES)
                    .train(pair, null, null, m -> { });
        } catch (CancellationException warmUpDone) {
            // the expected end after the warm-up scales
        }
        out.printf(Locale.ROOT, "Warm-up (not timed): %d scales x %d iterations, %.1f s%n", finished[0], iterations,
                (System.nanoTime() - start) / 1e9);
    }

    /** @param scales how many of the coarsest scales to train (0: all, then the contact sheet) */
    void run(TrainingPair pair, TrainingSettings settings, int scales, Path contactSheet) throws Exception {
        out.println("Training on " + pair.imageName() + " (" + pair.width() + "x" + pair.height() + "), "
                + settings.describe());
        warmUp(pair, settings);
        List<String> rows = new ArrayList<>();
        TrainingListener timing = new TrainingListener() {
            private int height;
            private int width;
            private int networkWidth;
            private final List<Double> iterationMillis = new ArrayList<>();
            private long last;

            @Override
            public void scaleStarted(int scale, int h, int w, int nfc, int iterations) {
                height = h;
                width = w;
                networkWidth = nfc;
                iterationMillis.clear();
                last = System.nanoTime();
                out.printf(Locale.ROOT, "  scale %d: %dx%d ...%n", scale, w, h);
            }

            @Override
            public void iteration(IterationStats stats) {
                long now = System.nanoTime();
                iterationMillis.add((now - last) / 1e6);
                last = now;
            }

            @Override
            public void scaleFinished(int scale, double seconds) {
                rows.add(String.format(Locale.ROOT, "%5d %9s %5d %12.1f %12.1f %9.2f", scale, width + "x" + height,
                        networkWidth, medianAfterWarmUp(iterationMillis), 1000 * seconds / settings.iterations(),
                        seconds / 60));
            }
        };
        long start = System.nanoTime();
        SinGanModel model;
        try {
            model = new Trainer(settings, timing, () -> scales > 0 && rows.size() >= scales)
                    .train(pair, null, null, m -> { });
        } catch (CancellationException stoppedAfterTheRequestedScales) {
            model = null;
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        out.println();
        out.printf("%5s %9s %5s %12s %12s %9s%n", "scale", "size", "nfc", "median ms", "mean ms", "minutes");
        rows.forEach(out::println);
        out.printf(Locale.ROOT, "total %.2f minutes for %d scales x %d iterations%n", minutes, rows.size(),
                settings.iterations());
        if (model == null) {
            return;
        }

        Sampler sampler = new Sampler(model);
        int coarseStart = Math.min(3, sampler.scales() - 1);
        // The real pair at the model's size, so all tiles match and samples are compared at their own size.
        int height = model.pyramid().finestHeight();
        int width = model.pyramid().finestWidth();
        Planes real = Resize.bicubic(pair.rgb(), height, width);
        boolean[] realMask = FourChannel.mask(Resize.bicubic(FourChannel.fromPair(pair), height, width));
        List<ContactSheet.Row> sheet = new ArrayList<>();
        sheet.add(new ContactSheet.Row("real image and mask", List.of(real), List.of(realMask)));
        for (int startScale : new int[]{0, coarseStart}) {
            List<Planes> images = new ArrayList<>();
            List<boolean[]> masks = new ArrayList<>();
            List<Planes> firstImages = new ArrayList<>();
            List<boolean[]> firstMasks = new ArrayList<>();
            int count = startScale == 0 ? QUALITY_SAMPLES : SAMPLES;
            for (int i = 0; i < count; i++) {
                long index = i + 100L * startScale;
                SamplePair first = SamplePair.fromOutput(sampler.sample(settings.seed(), index, startScale, 1, 1));
                firstImages.add(first.rgb());
                firstMasks.add(first.mask());
                // As generate and train-batch make them: a nearly empty mask is drawn again.
                SamplePair sample = MaskFloor.DEFAULT.draw(sampler, settings.seed(), index, startScale, 1, 1).pair();
                images.add(sample.rgb());
                masks.add(sample.mask());
            }
            if (startScale == 0) {
                out.println("Start scale 0, first draws: " + SampleSetQuality.of(real, firstImages, firstMasks).describe());
                out.println("Start scale 0, masks under " + MaskFloor.DEFAULT.percent() + " drawn again (as generate "
                        + "makes them): " + SampleSetQuality.of(real, images, masks).describe());
            }
            out.printf(Locale.ROOT, "Fine detail at the paper's %d px, start scale %d: %.2f of the real frame's%n",
                    DETAIL_SIZE, startScale, FineDetail.relative(pair.rgb(), images, DETAIL_SIZE));
            sheet.add(new ContactSheet.Row("samples, start scale " + startScale
                    + (startScale == 0 ? " (most diverse)" : " (closer to the real image)"),
                    images.subList(0, SAMPLES), masks.subList(0, SAMPLES)));
        }
        PngFiles.write(ContactSheet.render(sheet, width), contactSheet); // tiles at the samples' own size
        out.println("Contact sheet: " + contactSheet.toAbsolutePath());
    }
}
