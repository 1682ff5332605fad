package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TinyModels;

class TrainerTest {
    @TempDir
    Path dir;

    @Test
    void reconstructionErrorFallsAtTheFinestScale() throws Exception {
        SinGanModel model = TinyModels.trained();
        assertTrue(model.complete());
        TrainingPair pair = TinyModels.pair();
        int scales = Trainer.plan(TinyModels.settings(), pair.height(), pair.width()).scales();
        assertEquals(scales, model.scales().size());
        double[] rec = model.scales().get(scales - 1).losses().reconstruction();
        assertEquals(40, rec.length);
        double early = mean(rec, 0, 5);
        double late = mean(rec, rec.length - 5, rec.length);
        assertTrue(late < 0.8 * early, "reconstruction loss " + early + " -> " + late);
    }

    @Test
    void noiseAmplitudesFollowTheReference() throws Exception {
        SinGanModel model = TinyModels.trained();
        assertEquals(1.0, model.scales().get(0).noiseAmp(), 0);
        for (int k = 1; k < model.scales().size(); k++) {
            double amp = model.scales().get(k).noiseAmp();
            assertTrue(amp > 0 && amp < 0.1, "0.1 x RMSE of a reconstruction in [-1, 1]: " + amp);
        }
        // z_opt: noise shared by all channels at the coarsest scale, zero above.
        TrainedScale coarsest = model.scales().get(0);
        assertEquals(coarsest.reconstructionNoise().getDouble(0, 3, 4, 0), coarsest.reconstructionNoise().getDouble(0, 3, 4, 3), 0);
        assertEquals(0.0, model.scales().get(1).reconstructionNoise().amaxNumber().doubleValue(), 0);
    }

    @Test
    void generatorsKeepRunningStatisticsForInference() throws Exception {
        SinGanModel model = TinyModels.trained();
        for (TrainedScale scale : model.scales()) {
            double[] stats = scale.generatorStatistics().toDoubleVector();
            int width = scale.networkWidth();
            assertEquals(ScaleNets.runningStatisticsCount(width, true), stats.length);
            // per batch norm layer: width means, then width variances
            double meanMagnitude = 0;
            for (int layer = 0; layer < stats.length; layer += 2 * width) {
                for (int c = 0; c < width; c++) {
                    meanMagnitude += Math.abs(stats[layer + c]);
                    double variance = stats[layer + width + c];
                    assertTrue(variance > 0 && variance != 1.0, "variance was tracked: " + variance);
                }
            }
            assertTrue(meanMagnitude > 0, "means were tracked");
        }
    }

    @Test
    void progressReachesTheListener() throws Exception {
        TrainingPair pair = TinyModels.pair();
        List<String> events = new ArrayList<>();
        TrainingSettings oneScaleWorth = new TrainingSettings(34, 25, 0.75, 3, 1, 1, 5e-4, 5e-4, 0.5, 10, 0.1,
                8, 8, 0, 0.1, 0, true, 3);
        new Trainer(oneScaleWorth, new TrainingListener() {
            @Override
            public void scaleStarted(int scale, int height, int width, int networkWidth, int iterations) {
                events.add("start " + scale + " " + width + "x" + height + " w" + networkWidth + " i" + iterations);
            }

            @Override
            public void iteration(IterationStats s) {
                assertTrue(Double.isFinite(s.criticReal() + s.criticFake() + s.penalty() + s.generatorAdversarial()
                        + s.reconstruction()));
                assertTrue(s.secondsLeft() >= 0);
                events.add("it " + s.scale() + "." + s.iteration());
            }

            @Override
            public void preview(int scale, int iteration, Planes real, Planes reconstruction, Planes sample) {
                assertEquals(4, real.channels());
                assertEquals(real.width(), sample.width());
                events.add("preview " + scale);
            }

            @Override
            public void scaleFinished(int scale, double seconds) {
                events.add("done " + scale);
            }
        }, () -> false).train(pair, TinyModels.source(pair), null, m -> events.add("checkpoint " + m.scales().size()));
        // 384x288 at max size 34: finest 34x26, factor 25/26, coarsest ceil(32.7)=33 x 25 (the demo
        // pair's 720x576: 31x25).
        Pyramid pyramid = Trainer.plan(oneScaleWorth, pair.height(), pair.width());
        assertEquals("start 0 " + pyramid.widths()[0] + "x" + pyramid.heights()[0] + " w8 i3", events.get(0));
        assertTrue(events.containsAll(List.of("it 0.0", "it 0.2", "preview 0", "checkpoint 1", "done 0", "done 1")), events.toString());
        assertTrue(events.indexOf("checkpoint 1") < events.indexOf("done 0"));
    }

    @Test
    void interruptedRunResumesFromItsCheckpointToTheSameModel() throws Exception {
        TrainingPair pair = TinyModels.pair();
        SinGanModel uninterrupted = TinyModels.trained();

        Path file = dir.resolve("model.singan");
        AtomicBoolean cancel = new AtomicBoolean();
        Trainer interrupted = new Trainer(TinyModels.settings(), new TrainingListener() {
            @Override
            public void scaleFinished(int scale, double seconds) {
                cancel.set(true); // as if the process died after the first checkpoint
            }
        }, cancel::get);
        assertThrows(CancellationException.class,
                () -> interrupted.train(pair, TinyModels.source(pair), null, m -> ModelFile.save(m, file)));

        SinGanModel checkpoint = ModelFile.load(file);
        assertEquals(1, checkpoint.scales().size());
        SinGanModel resumed = new Trainer(TinyModels.settings(), new TrainingListener() { }, () -> false)
                .train(pair, TinyModels.source(pair), checkpoint, m -> ModelFile.save(m, file));
        assertTrue(resumed.complete());
        for (int k = 0; k < uninterrupted.scales().size(); k++) {
            assertEquals(uninterrupted.scales().get(k).generator(), resumed.scales().get(k).generator(),
                    "same seed, same machine: scale " + k + " must match the uninterrupted run");
        }
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
