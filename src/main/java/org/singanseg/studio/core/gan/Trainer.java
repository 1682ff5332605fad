package org.singanseg.studio.core.gan;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.engine.EngineThreads;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.nn.Sequential;

/**
 * Trains the SinGAN-Seg pyramid scale by scale, coarse to fine, and hands a checkpoint to the
 * caller after every finished scale. Resumes from a checkpoint; every scale seeds its own random
 * streams from the run's seed, so a resumed run gives the same model as an uninterrupted one.
 * Runs entirely on the calling thread (the engine thread).
 */
public final class Trainer {

    /** Receives the model after each finished scale; it should save it atomically. */
    public interface Checkpoint {
        void save(SinGanModel model) throws Exception;
    }

    private final TrainingSettings settings;
    private final TrainingListener listener;
    private final BooleanSupplier pauseOrStop;
    private final DurationEstimator calibration;

    /**
     * @param pauseOrStop asked before every iteration: may hold the thread while the user pauses,
     *                    then answers true to stop the run
     */
    public Trainer(TrainingSettings settings, TrainingListener listener, BooleanSupplier pauseOrStop) {
        this(settings, listener, pauseOrStop, null);
    }

    /** @param calibration this machine's timing, which the time left starts from; null when there is none */
    public Trainer(TrainingSettings settings, TrainingListener listener, BooleanSupplier pauseOrStop,
                   DurationEstimator calibration) {
        this.settings = settings.validated();
        this.listener = listener;
        this.pauseOrStop = pauseOrStop;
        this.calibration = calibration;
    }

    public static Pyramid plan(TrainingSettings settings, int height, int width) {
        return Pyramid.plan(height, width, settings.maxSize(), settings.minSize(), settings.scaleFactor());
    }

    /**
     * @param resume a checkpoint of the same pair and settings to continue, or null
     * @return the complete model
     * @throws CancellationException when cancelled; the last checkpoint holds the finished scales
     */
    public SinGanModel train(TrainingPair pair, SourceInfo source, SinGanModel resume, Checkpoint checkpoint)
            throws Exception {
        Pyramid pyramid = plan(settings, pair.height(), pair.width());
        List<Planes> levels = pyramid.build(FourChannel.fromPair(pair));
        SinGanModel model = resume != null ? resume : new SinGanModel(settings, pyramid, source, List.of());

        int scales = pyramid.scales();
        int[] networkWidths = settings.widths(scales);
        int first = model.scales().size();
        listener.trainingStarted(settings, pyramid.heights(), pyramid.widths(), networkWidths, first);
        GeneratorPyramid coarser = new GeneratorPyramid(pyramid.scaleFactor());
        model.scales().forEach(coarser::add);
        EtaModel eta = new EtaModel(settings, pyramid, calibration);
        ScaleTrainer scaleTrainer = new ScaleTrainer(settings, listener, pauseOrStop, eta);

        for (int n = first; n < scales; n++) {
            listener.scaleStarted(n, pyramid.heights()[n], pyramid.widths()[n], networkWidths[n], settings.iterations());
            long start = System.nanoTime();
            boolean batchNorm = settings.batchNormAt(n);
            Sequential generator = ScaleNets.generator(DataType.FLOAT, FourChannel.CHANNELS, networkWidths[n],
                    batchNorm);
            Sequential critic = ScaleNets.critic(DataType.FLOAT, FourChannel.CHANNELS, networkWidths[n], batchNorm);
            Random init = new Random(settings.seed() * 31 + n);
            generator.initialise(init);
            critic.initialise(init);
            TrainedScale previous = n > 0 ? model.scales().get(n - 1) : null;
            if (previous != null && networkWidths[n] == networkWidths[n - 1] && previous.batchNorm() == batchNorm) {
                // SinGAN starts a scale from the previous one's weights when the networks are alike.
                generator.parameters().assign(previous.generator());
                generator.loadRunningStatistics(previous.generatorStatistics()); // part of PyTorch's state_dict
                critic.parameters().assign(previous.critic());
            }
            INDArray real = Tensors.fromPlanes(levels.get(n));
            int threads = EngineThreads.useFor(pyramid.heights()[n], pyramid.widths()[n]);
            TrainedScale trained;
            try {
                trained = scaleTrainer.train(n, real, coarser, generator, critic, NoiseSource.forTraining(settings.seed(), n));
            } finally {
                EngineThreads.set(threads);
            }
            model = model.withScale(trained);
            coarser.add(trained);
            checkpoint.save(model);
            listener.scaleFinished(n, (System.nanoTime() - start) / 1e9);
        }
        return model;
    }
}
