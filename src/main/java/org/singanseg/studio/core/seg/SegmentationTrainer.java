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
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.StepSchedule;
import org.singanseg.studio.core.nn.compute.NativeGarbage;

/**
 * Trains a segmentation network (the settings' {@link SegmentationModel}: a {@link UNet} or a
 * {@link UNetPlusPlus}) on image/mask pairs (see {@link SegmentationSettings}) for a number of
 * optimiser steps: passes over the pairs, each in a new random order, in mini-batches (the last
 * one of a pass may be smaller), each image altered by a random {@link Augmentation} when
 * augmenting; each batch is one {@link SegmentationStep}. The learning rate drops x0.1 for the
 * last 20% of the steps. Runs on the calling thread (the engine thread); float precision.
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

    /** The steps of {@code epochs} passes over {@code pairs} pairs in batches of {@code batchSize}. */
    public static int stepsFor(int pairs, int epochs, int batchSize) {
        return epochs * ((pairs + batchSize - 1) / batchSize);
    }

    /** Trains for the settings' epochs over these pairs. */
    public Segmenter train(List<TrainingPair> pairs) {
        return train(pairs, stepsFor(pairs.size(), settings.epochs(), settings.batchSize()));
    }

    /**
     * @param pairs RGB images in [0, 1] with their masks, of any sizes (resized to the settings' size)
     * @param steps optimiser steps, whatever the number of pairs (a pass may end part-way)
     * @throws CancellationException when cancelled (checked before every step)
     */
    public Segmenter train(List<TrainingPair> pairs, int steps) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("No pairs to train on");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("Training needs at least one step, got " + steps);
        }
        SegmentationSamples samples = new SegmentationSamples(pairs, settings.size());
        Sequential network = settings.network();
        network.initialise(new Random(settings.seed()));
        Random order = new Random(31 * settings.seed() + 1);
        SegmentationStep step = new SegmentationStep(network);
        StepSchedule schedule = StepSchedule.singan(settings.learningRate(), steps);
        Batches batches = new Batches(samples, settings.batchSize());
        NativeGarbage garbage = NativeGarbage.standard();

        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < samples.count(); i++) {
            indices.add(i);
        }
        int stepsPerPass = stepsFor(indices.size(), 1, settings.batchSize());
        int passes = (steps + stepsPerPass - 1) / stepsPerPass;
        int done = 0;
        for (int pass = 1; done < steps; pass++) {
            Collections.shuffle(indices, order);
            double lossSum = 0;
            int seen = 0;
            for (int first = 0; first < indices.size() && done < steps; first += settings.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Segmentation training cancelled");
                }
                List<Integer> batch = indices.subList(first, Math.min(first + settings.batchSize(), indices.size()));
                batches.fill(batch, settings.augment() ? order : null);
                lossSum += batch.size() * step.run(batches.images, batches.masks, schedule.rateAt(done));
                seen += batch.size();
                done++;
                garbage.collectIfDue();
            }
            listener.epochFinished(pass, passes, lossSum / seen);
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

        /** @param augmentations draws each image's augmentation, or null for none */
        void fill(List<Integer> batch, Random augmentations) {
            for (int slot = 0; slot < batch.size(); slot++) {
                Augmentation augmentation = augmentations == null ? Augmentation.NONE
                        : Augmentation.random(augmentations);
                samples.copy(batch.get(slot), slot, augmentation, imageFloats, maskFloats);
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
