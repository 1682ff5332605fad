package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.nn.Sequential;

class TrainingWindowTest {

    @Test
    void theWholeImageWhenWindowsAreOffOrTheImageFits() {
        NoiseSource noise = new NoiseSource(1);
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 30, 40, 4);
        TrainingWindow off = TrainingWindow.draw(30, 40, 0, noise);
        TrainingWindow fits = TrainingWindow.draw(30, 40, 40, noise);
        assertTrue(off.whole() && fits.whole());
        assertSame(image, off.of(image));
        assertSame(image, fits.ofPadded(image, 5));
    }

    @Test
    void windowsLieInsideTheImageAndMove() {
        NoiseSource noise = new NoiseSource(2);
        boolean moved = false;
        TrainingWindow first = TrainingWindow.draw(50, 70, 32, noise);
        for (int i = 0; i < 50; i++) {
            TrainingWindow window = TrainingWindow.draw(50, 70, 32, noise);
            assertFalse(window.whole());
            assertEquals(32, window.height());
            assertEquals(32, window.width());
            assertTrue(window.y() >= 0 && window.y() + 32 <= 50 && window.x() >= 0 && window.x() + 32 <= 70,
                    window.toString());
            moved |= window.y() != first.y() || window.x() != first.x();
        }
        assertTrue(moved);
        TrainingWindow narrow = TrainingWindow.draw(20, 70, 32, noise);
        assertEquals(20, narrow.height(), "a side shorter than the window is taken whole");
    }

    /**
     * Over all draws, each pixel is covered between half and one and a half times as often as the
     * inner pixels (uniform starts would cover a border pixel 1 / 32 as often as here).
     */
    @Test
    void everyPixelIsTrainedAboutAsOftenAsTheInnerOnes() {
        int size = 100;
        int side = 32;
        int draws = 100_000;
        int[] covered = new int[size];
        for (int i = 0; i < draws; i++) {
            int start = TrainingWindow.start((i + 0.5) / draws, size, side);
            assertTrue(start >= 0 && start + side <= size, "start " + start);
            for (int p = start; p < start + side; p++) {
                covered[p]++;
            }
        }
        double inner = covered[size / 2];
        for (int p = 0; p < size; p++) {
            double relative = covered[p] / inner;
            assertTrue(relative >= 0.5 && relative <= 1.55, "pixel " + p + " covered " + relative + " times as often");
        }
        assertEquals(covered[0], covered[size - 1], size / 20.0, "both borders alike");
    }

    /**
     * The claim the windows rest on: a generator's output on a window cut from the padded input is
     * the same window of its output on the whole image (with fixed normalisation statistics).
     */
    @Test
    void theGeneratorSeesTheSameContextInAWindowAsOnTheWholeImage() {
        Sequential generator = ScaleNets.generator(DataType.FLOAT, FourChannel.CHANNELS, 8, true);
        generator.initialise(new Random(3));
        generator.useRunningStatistics(true);
        INDArray padded = Tensors.pad(Nd4j.rand(DataType.FLOAT, 1, 40, 48, 4), ScaleNets.PADDING);
        INDArray whole = generator.forward(padded);
        for (int i = 0; i < 5; i++) {
            TrainingWindow window = TrainingWindow.draw(40, 48, 24, new NoiseSource(10 + i));
            INDArray fromWindow = generator.forward(window.ofPadded(padded, ScaleNets.PADDING));
            double difference = fromWindow.sub(window.of(whole)).amaxNumber().doubleValue();
            assertTrue(difference < 1e-5, window + " differs by " + difference);
        }
    }
}
