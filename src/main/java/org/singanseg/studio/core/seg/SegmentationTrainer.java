package org.singanseg.studio.core.seg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.nn.NativeGarbage;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.StepSchedule;

/**
 * Trains a {@link UNet} on image/mask pairs (see {@link SegmentationSettings}): every epoch visits
 * every pair once in a new random order, in mini-batches (the last one may be smaller), each image
 * flipped top to bottom and left to right with probability 1/2 each when augmenting; each batch is
 * one {@link SegmentationStep}. Runs on the calling thread (the engine thread); float precision.
 */
public final class SegmentationTrainer {
    private final SegmentationSettings settings;
    private final SegmentationListener listener;
    private final BooleanSupplier cancelled;

    public SegmentationTrainer(SegmentationSettings settings, SegmentationListener listener, BooleanSupplier cancelled) {
        this.settings = settings.validated();
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * @param pairs RGB images in [0, 1] with their masks, of any sizes (resized to the settings' size)
     * @throws CancellationException when cancelled (checked before every step)
     */
    public Segmenter train(List<TrainingPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("No pairs to train on");
        }
        SegmentationSamples samples = new SegmentationSamples(pairs, settings.size());
        Sequential network = UNet.network(DataType.FLOAT, 3, settings.depth(), settings.width());
        network.initialise(new Random(settings.seed()));
        Random order = new Random(31 * settings.seed() + 1);
        SegmentationStep step = new SegmentationStep(network);
        StepSchedule schedule = StepSchedule.singan(settings.learningRate(), settings.epochs());
        Batches batches = new Batches(samples, settings.batchSize());
        NativeGarbage garbage = NativeGarbage.standard();

        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < samples.count(); i++) {
            indices.add(i);
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(indices, order);
            double lossSum = 0;
            for (int first = 0; first < indices.size(); first += settings.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Segmentation training cancelled");
                }
                List<Integer> batch = indices.subList(first, Math.min(first + settings.batchSize(), indices.size()));
                batches.fill(batch, settings.augment() ? order : null);
                lossSum += batch.size() * step.run(batches.images, batches.masks, schedule.rateAt(epoch));
                garbage.collectIfDue();
            }
            listener.epochFinished(epoch + 1, settings.epochs(), lossSum / indices.size());
        }
        return new Segmenter(network, settings);
    }

    /** The input and target arrays of one mini-batch, reused for every batch of the same size. */
    private static final class Batches {
        private final SegmentationSamples samples;
        private final float[] imageFloats;
        private final float[] maskFloats;
        private final Map<Integer, INDArray[]> arrays = new HashMap<>();
        INDArray images;
        INDArray masks;

        Batches(SegmentationSamples samples, int batchSize) {
            this.samples = samples;
            imageFloats = new float[batchSize * samples.imageLength()];
            maskFloats = new float[batchSize * samples.size() * samples.size()];
        }

        /** @param flips draws the flips, or null for none */
        void fill(List<Integer> batch, Random flips) {
            for (int slot = 0; slot < batch.size(); slot++) {
                boolean rows = flips != null && flips.nextBoolean();
                boolean columns = flips != null && flips.nextBoolean();
                samples.copy(batch.get(slot), slot, rows, columns, imageFloats, maskFloats);
            }
            int n = batch.size();
            int s = samples.size();
            INDArray[] pair = arrays.computeIfAbsent(n, k -> new INDArray[]{
                    Nd4j.create(DataType.FLOAT, n, s, s, 3), Nd4j.create(DataType.FLOAT, n, s, s, 1)});
            images = pair[0];
            masks = pair[1];
            images.data().asNioFloat().put(0, imageFloats, 0, (int) images.length());
            masks.data().asNioFloat().put(0, maskFloats, 0, (int) masks.length());
        }
    }
}
