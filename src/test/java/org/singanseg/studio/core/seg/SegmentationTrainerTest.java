package org.singanseg.studio.core.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TestData;

/**
 * End to end on two real PolypGen pairs at 32x32: the loss falls, seeds make runs repeatable,
 * predictions have the image's size, cancelling stops. No quality level is asserted: a few
 * epochs on two images say nothing about it.
 */
class SegmentationTrainerTest {
    private static final SegmentationSettings TINY = new SegmentationSettings(32, SegmentationModel.UNET, 3, 8, 2, 12,
            3e-3, true, 7);
    private static List<TrainingPair> pairs;

    @BeforeAll
    static void load() throws Exception {
        pairs = List.of(TrainingPair.load(TestData.smallImage(), TestData.smallMask()),
                TrainingPair.load(TestData.largeImage(), TestData.largeMask()));
    }

    @Test
    void lossFallsAndPredictionsHaveTheImagesSize() {
        List<Double> losses = new ArrayList<>();
        Segmenter segmenter = new SegmentationTrainer(TINY, (epoch, epochs, loss) -> {
            assertEquals(losses.size() + 1, epoch);
            assertEquals(TINY.epochs(), epochs);
            losses.add(loss);
        }, () -> false).train(pairs);
        System.out.println("segmentation training losses per epoch: " + losses);
        assertEquals(TINY.epochs(), losses.size());
        assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss fell: " + losses);
        for (TrainingPair pair : pairs) {
            assertEquals(pair.height() * pair.width(), segmenter.predict(pair.rgb()).length);
        }
    }

    @Test
    void sameSeedSameRun() {
        SegmentationSettings settings = TINY.withEpochs(2);
        double[] first = run(settings);
        assertArrayEquals(first, run(settings), 1e-5 * Math.abs(first[0]));
    }

    @Test
    void trainsTheSettingsModel() {
        SegmentationSettings settings = TINY.withModel(SegmentationModel.UNET_PLUS_PLUS).withEpochs(2);
        assertTrue(settings.describe().contains("UNet++ depth 3 width 8"), settings.describe());
        assertTrue(TINY.describe().contains("U-Net depth 3 width 8"), TINY.describe());
        List<Double> losses = new ArrayList<>();
        Segmenter segmenter = new SegmentationTrainer(settings, (epoch, epochs, loss) -> losses.add(loss), () -> false)
                .train(pairs);
        assertEquals(2, losses.size());
        assertTrue(losses.stream().allMatch(Double::isFinite), losses.toString());
        assertEquals(SegmentationModel.UNET_PLUS_PLUS, segmenter.settings().model());
        assertEquals(pairs.get(0).height() * pairs.get(0).width(), segmenter.predict(pairs.get(0).rgb()).length);
    }

    @Test
    void cancelStopsTraining() {
        assertThrows(CancellationException.class,
                () -> new SegmentationTrainer(TINY, (epoch, epochs, loss) -> { }, () -> true).train(pairs));
    }

    @Test
    void rejectsSizesTheNetworkCannotHalve() {
        assertThrows(IllegalArgumentException.class, () -> TINY.withSize(30).validated());
        assertThrows(IllegalArgumentException.class, () -> TINY.withSize(4).validated());
    }

    private static double[] run(SegmentationSettings settings) {
        List<Double> losses = new ArrayList<>();
        new SegmentationTrainer(settings, (epoch, epochs, loss) -> losses.add(loss), () -> false).train(pairs);
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
