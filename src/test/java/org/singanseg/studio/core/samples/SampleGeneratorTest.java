package org.singanseg.studio.core.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.imageio.ImageIO;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.testing.TinyModels;

class SampleGeneratorTest {
    private static final long SEED = 9;

    @TempDir
    Path dir;

    /** A floor no draw reaches: every pair is drawn again, and its record's index and start scale repeat the stored pair. */
    @Test
    void aRedrawnPairKeepsTheNoiseIndexThatRepeatsIt() throws Exception {
        Sampler sampler = new Sampler(TinyModels.trained());
        SampleCatalog catalog = SampleCatalog.open(dir.resolve("samples"));
        List<SampleRecord> made = new ArrayList<>();
        new SampleGenerator(sampler, new SampleWriter(catalog, "model.singan", rgb -> Double.NaN), catalog, null)
                .run(new GenerationRequest(3, SEED, 0, 1, 1, new MaskFloor(1)), made::add, () -> false);

        assertEquals(3, made.size());
        for (int i = 0; i < made.size(); i++) {
            SampleRecord record = made.get(i);
            MaskFloor.Drawn drawn = new MaskFloor(1).draw(sampler, SEED, i, 0, 1, 1);
            assertEquals(MaskFloor.noiseIndex(i, drawn.draw()), record.index());
            assertEquals(drawn.startScale(), record.startScale());
            SamplePair again = SamplePair.fromOutput(sampler.sample(SEED, record.index(), record.startScale(), 1, 1));
            assertEquals(again.maskCoverage(), record.maskCoverage(), 1e-9);
            assertArrayEquals(PngFiles.rgb(again.rgb()).getRGB(0, 0, record.width(), record.height(), null, 0,
                            record.width()),
                    ImageIO.read(catalog.imageFile(record.name()).toFile()).getRGB(0, 0, record.width(), record.height(), null,
                            0, record.width()));
            assertTrue(record.maskCoverage() < 1);
        }
    }
}
