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
     * The claim the windows rest on: a generator's output on a window cut from the padded input is
     * the same window of its output on the whole image (with fixed normalisation statistics).
     */
    @Test
    void theGeneratorSeesTheSameContextInAWindowAsOnTheWholeImage() {
        Sequential generator = ScaleNets.generator(DataType.FLOAT, FourChannel.CHANNELS, 8);
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
