package org.singanseg.studio.core.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.singanseg.studio.core.image.InvalidInputException;

/** Reading VGG19 weights in the Keras HDF5 layout, and the messages for files that are not it. */
class VggWeightsFileTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(VggWeightFiles.Naming.class)
    void mapsEveryLayer(VggWeightFiles.Naming naming) throws InvalidInputException {
        Path file = folder.resolve("weights.h5");
        VggWeights written = VggWeightFiles.write(file, VggWeightFiles.SMALL, naming, 7);

        VggWeights read = VggWeightsFile.read(file, VggWeightFiles.SMALL);

        for (int i = 0; i < 16; i++) {
            assertArrayEquals(written.kernels().get(i), read.kernels().get(i), "kernel " + i);
            assertArrayEquals(written.biases().get(i), read.biases().get(i), "bias " + i);
        }
    }

    @Test
    void missingFileSaysWhatItIs() {
        String message = assertThrows(InvalidInputException.class,
                () -> VggWeightsFile.read(folder.resolve("absent.h5"))).getMessage();
        assertTrue(message.contains("does not exist") && message.contains(VggWeightsFile.FILE_NAME), message);
    }

    @Test
    void fileThatIsNotHdf5() throws IOException {
        Path file = Files.writeString(folder.resolve(VggWeightsFile.FILE_NAME), "<html>Not found</html>");
        String message = assertThrows(InvalidInputException.class, () -> VggWeightsFile.read(file)).getMessage();
        assertTrue(message.contains("not a readable HDF5 file"), message);
    }

    @Test
    void missingLayerIsNamed() throws IOException {
        Path file = folder.resolve("partial.h5");
        VggWeights weights = VggWeights.random(VggWeightFiles.SMALL, new java.util.Random(1));
        VggWeightFiles.write(file, weights, VggWeightFiles.Naming.KERAS1, 7);
        String message = assertThrows(InvalidInputException.class,
                () -> VggWeightsFile.read(file, VggWeightFiles.SMALL)).getMessage();
        assertTrue(message.contains("not the VGG19 no-top weights file: layer block3_conv4 is missing"), message);
    }

    @Test
    void wrongShapeIsNamed() {
        Path file = folder.resolve("small.h5");
        VggWeightFiles.write(file, VggWeightFiles.SMALL, VggWeightFiles.Naming.KERAS2, 3);
        String message = assertThrows(InvalidInputException.class, () -> VggWeightsFile.read(file)).getMessage();
        assertTrue(message.contains("the kernel of layer block1_conv1 has shape [3, 3, 3, 4]; expected [3, 3, 3, 64]"),
                message);
        assertTrue(message.contains("about 80 MB"), message);
    }
}
