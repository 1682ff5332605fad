package org.singanseg.studio.core.gan;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.Adam;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.StepSchedule;
import org.singanseg.studio.core.nn.compute.NativeGarbage;

/**
 * Trains one scale as SinGAN's train_single_scale does: per iteration, criticSteps updates of the
 * critic, then generatorSteps updates of the generator, each with Adam on its loss
 * ({@link SinGanLoss}). Independent images share batched passes (every image is
 * normalised on its own, so this changes nothing but speed). With a training window (the sharp
 * preset), every loss of an iteration looks at one random window of the scale ({@link TrainingWindow}).
 * One deliberate difference: the reference reuses the last critic step's generated image in all
 * generator steps (a stale autograd graph); here each generator step regenerates it with the
 * current weights.
 */
final class ScaleTrainer {
    private final TrainingSettings settings;
    private final TrainingListener listener;
    /** May hold the thread (a pause), then says whether to stop. */
    private final BooleanSupplier pauseOrStop;
    private final EtaModel eta;

    ScaleTrainer(TrainingSettings settings, TrainingListener listener, BooleanSupplier pauseOrStop, EtaModel eta) {
        this.settings = settings;
        this.listener = listener;
        this.pauseOrStop = pauseOrStop;
        this.eta = eta;
    }

    /**
     * @param n         the scale, 0 = coarsest
     * @param real      the real image at this scale, [1, h, w, 4] in [-1, 1]
     * @param coarser   the trained generators of scales 0 .. n-1
     * @param generator initialised (or copied from the previous scale)
     * @param critic    likewise
     */
    TrainedScale train(int n, INDArray real, GeneratorPyramid coarser, Sequential generator, Sequential critic,
                       NoiseSource noise) {
        int h = (int) real.size(1);
        int w = (int) real.size(2);
        int c = FourChannel.CHANNELS;
        int pad = ScaleNets.PADDING;

        // Reconstruction path: z_opt is zero above the coarsest scale. At the coarsest scale the
        // reference draws a new z_opt every iteration (and keeps the last one), so the
        // reconstruction loss pulls G_0 towards the real image for any noise.
        INDArray reconstructionPrev = coarser.previousFor(n, h, w, null, 1);
        double noiseAmp = n == 0 ? 1.0 : settings.noiseAmpFactor() * Tensors.rmse(real, reconstructionPrev);
        INDArray zOpt = Nd4j.zeros(DataType.FLOAT, 1, h, w, c);
        INDArray reconstructionInput = Tensors.pad(reconstructionPrev, pad);

        Adam generatorAdam = Adam.withBeta1(generator, settings.beta1());
        Adam criticAdam = Adam.withBeta1(critic, settings.beta1());
        StepSchedule generatorRate = StepSchedule.singan(settings.learningRateG(), settings.iterations());
        StepSchedule criticRate = StepSchedule.singan(settings.learningRateD(), settings.iterations());
        SinGanLoss loss = new SinGanLoss(settings);
        NativeGarbage garbage = NativeGarbage.standard();
        LossHistory history = new LossHistory();
        PreviewTimer previews = new PreviewTimer(3.0);
        boolean reconstruct = loss.reconstructs();
        int criticSteps = settings.criticSteps();

        long start = System.nanoTime();
        for (int it = 0; it < settings.iterations(); it++) {
            if (pauseOrStop.getAsBoolean()) {
                throw new CancellationException("Training cancelled at scale " + n + ", iteration " + it);
            }
            if (n == 0) {
                zOpt = noise.gaussian(1, c, h, w, true);
                reconstructionInput = Tensors.pad(zOpt.mul(noiseAmp).addi(reconstructionPrev), pad);
            }
            // The generator does not change during the critic steps, so the images they need (each
            // from a fresh random draw through the coarser scales) are made in one batch.
            INDArray baseNoise = noise.gaussian(1, c, h, w, n == 0);
            INDArray prevs = coarser.previousFor(n, h, w, noise, criticSteps);
            INDArray inputs = Tensors.pad(prevs.add(baseNoise.mul(noiseAmp)), pad);
            TrainingWindow window = TrainingWindow.draw(h, w, settings.windowSize(), noise);
            INDArray realSeen = window.of(real);
            INDArray prevsSeen = window.of(prevs);
            INDArray inputsSeen = window.ofPadded(inputs, pad);
            INDArray fakes = generator.forward(inputsSeen).add(prevsSeen);
            // The reference runs G once per critic step, in this order, in training mode.
            generator.trackRunningStatistics(0, criticSteps);

            SinGanLoss.CriticLoss criticLoss = null;
            for (int j = 0; j < criticSteps; j++) {
                critic.zeroGradients();
                criticLoss = loss.critic(critic, realSeen, fakes.get(NDArrayIndex.interval(j, j + 1)), noise.uniform());
                criticAdam.step(criticRate.rateAt(it));
            }

            // Generator steps on the last critic step's input (as the reference), with the
            // reconstruction from z_opt in the same batch.
            INDArray lastPrev = lastOf(prevsSeen, criticSteps);
            INDArray lastInput = lastOf(inputsSeen, criticSteps);
            INDArray reconstructionPrevSeen = window.of(reconstructionPrev);
            INDArray generatorBatch = reconstruct
                    ? Nd4j.concat(0, lastInput, window.ofPadded(reconstructionInput, pad)) : lastInput.dup();
            SinGanLoss.GeneratorLoss generatorLoss = null;
            INDArray fake = null;
            INDArray rec = null;
            for (int j = 0; j < settings.generatorSteps(); j++) {
                generator.zeroGradients();
                INDArray out = generator.forward(generatorBatch);
                if (reconstruct) {
                    // The reference's generator step runs G on the reconstruction only (it reuses the fake).
                    generator.trackRunningStatistics(1, 1);
                    rec = out.get(NDArrayIndex.interval(1, 2)).add(reconstructionPrevSeen);
                }
                fake = out.get(NDArrayIndex.interval(0, 1)).add(lastPrev);
                generatorLoss = loss.generator(critic, fake, rec, realSeen);
                generator.backwardParameters(generatorLoss.gradient());
                generatorAdam.step(generatorRate.rateAt(it));
            }

            double elapsed = (System.nanoTime() - start) / 1e9;
            TrainingListener.IterationStats stats = new TrainingListener.IterationStats(n, it, settings.iterations(),
                    criticLoss.real(), criticLoss.fake(), criticLoss.penalty(), generatorLoss.adversarial(),
                    generatorLoss.reconstruction(), elapsed / (it + 1), eta.secondsLeft(n, it + 1, elapsed));
            history.add(stats);
            listener.iteration(stats);
            boolean last = it == settings.iterations() - 1;
            if (previews.due() || last) {
                // Previews show the whole image, also when the iteration saw a window of it.
                INDArray shownRec = rec != null && window.whole() ? rec
                        : generator.forward(reconstructionInput).add(reconstructionPrev);
                INDArray shownFake = window.whole() ? fake
                        : generator.forward(lastOf(inputs, criticSteps)).add(lastOf(prevs, criticSteps));
                listener.preview(n, it, FourChannel.toUnit(Tensors.toPlanes(real)),
                        FourChannel.toUnit(Tensors.toPlanes(shownRec)), FourChannel.toUnit(Tensors.toPlanes(shownFake)));
            }
            garbage.collectIfDue();
        }
        return new TrainedScale(h, w, settings.widthAt(n), noiseAmp, generator.parameters().dup(),
                generator.runningStatistics(), critic.parameters().dup(), zOpt, history);
    }

    /** The last image of a batch. */
    private static INDArray lastOf(INDArray batch, int size) {
        return batch.get(NDArrayIndex.interval(size - 1, size));
    }

    /** True at most once per interval, first after one interval. */
    private static final class PreviewTimer {
        private final long intervalNanos;
        private long last = System.nanoTime();

        PreviewTimer(double seconds) {
            this.intervalNanos = (long) (seconds * 1e9);
        }

        boolean due() {
            long now = System.nanoTime();
            if (now - last >= intervalNanos) {
                last = now;
                return true;
            }
            return false;
        }
    }
}
