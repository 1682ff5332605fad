package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.testing.TinyModels;

class SamplerTest {
    @TempDir
    Path dir;

    @Test
    void samplesDifferFromTheRealImageAndFromEachOther() throws Exception {
        SinGanModel model = TinyModels.trained();
        Sampler sampler = new Sampler(model);
        Planes real = Resize.bicubic(FourChannel.fromPair(TinyModels.pair()), model.pyramid().finestHeight(),
                model.pyramid().finestWidth());
        List<Planes> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Planes sample = sampler.sample(11, i, 0, 1, 1);
            assertEquals(real.width(), sample.width());
            assertEquals(real.height(), sample.height());
            assertTrue(meanAbsDiff(sample, real) > 0.03, "sample " + i + " copies the real image");
            for (Planes other : samples) {
                assertTrue(meanAbsDiff(sample, other) > 0.01, "two samples are the same");
            }
            samples.add(sample);
        }
        Planes reconstruction = sampler.reconstruction();
        assertTrue(meanAbsDiff(reconstruction, real) < meanAbsDiff(samples.get(0), real),
                "the reconstruction is closer to the real image than a random sample");
    }

    @Test
    void sampleWithTheTrainingSeedDoesNotReuseTheReconstructionNoise() throws Exception {
        SinGanModel model = TinyModels.trained();
        Sampler sampler = new Sampler(model);
        Planes sample = sampler.sample(model.settings().seed(), 0, 0, 1, 1);
        assertTrue(meanAbsDiff(sample, sampler.reconstruction()) > 0.01,
                "sample 0 with the training seed must not be the reconstruction");
    }

    @Test
    void masksAreBinaryAndNotEmptyForSamplesNearTheRealLayout() throws Exception {
        Sampler sampler = new Sampler(TinyModels.trained());
        for (int i = 0; i < 4; i++) {
            SamplePair pair = SamplePair.fromOutput(sampler.sample(5, i, 1, 1, 1));
            assertTrue(pair.maskCoverage() > 0, "sample " + i + " has an empty mask");
            assertTrue(pair.maskCoverage() < 1, "sample " + i + " is all mask");
        }
    }

    @Test
    void sameSeedSamePixelsAlsoAfterSaveAndLoad() throws Exception {
        SinGanModel model = TinyModels.trained();
        Planes before = new Sampler(model).sample(3, 2, 0, 1, 1);
        Path file = dir.resolve("m.singan");
        ModelFile.save(model, file);
        Planes after = new Sampler(ModelFile.load(file)).sample(3, 2, 0, 1, 1);
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(before.plane(c), after.plane(c), 0f);
        }
    }

    @Test
    void arbitrarySizesAlsoFromAHigherStartScale() throws Exception {
        SinGanModel model = TinyModels.trained();
        Sampler sampler = new Sampler(model);
        Planes wide = sampler.sample(1, 0, 0, 1.0, 1.5);
        assertEquals(Math.round(model.pyramid().finestWidth() * 1.5), wide.width());
        assertEquals(model.pyramid().finestHeight(), wide.height());
        int finest = model.scales().size() - 1;
        Planes tall = sampler.sample(1, 0, finest, 1.25, 1.0);
        assertEquals(Math.round(model.pyramid().finestHeight() * 1.25), tall.height());
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(1, 0, finest + 1, 1, 1));
    }

    /** The check both the app and the command line use: a NaN factor made 1 px wide samples before. */
    @Test
    void sizeFactorsThatAreNotNumbersOrShrinkBelowTheCoarsestScaleAreRefused() throws Exception {
        SinGanModel model = TinyModels.trained();
        Sampler sampler = new Sampler(model);
        for (double bad : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -1, 9}) {
            assertThrows(IllegalArgumentException.class, () -> sampler.sample(1, 0, 0, 1, bad), "width " + bad);
            assertThrows(IllegalArgumentException.class, () -> sampler.check(0, bad, 1), "height " + bad);
        }
        int coarsestHeight = model.scales().get(0).height();
        double justBelow = (coarsestHeight - 1.0) / model.pyramid().finestHeight();
        String message = assertThrows(IllegalArgumentException.class, () -> sampler.check(0, justBelow, 1))
                .getMessage();
        assertTrue(message.contains("coarsest scale"), message);
        double atCoarsest = (double) coarsestHeight / model.pyramid().finestHeight();
        sampler.check(0, atCoarsest, 1);
        assertEquals(coarsestHeight, sampler.sample(1, 0, 0, atCoarsest, 1).height());
    }

    private static double meanAbsDiff(Planes a, Planes b) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < a.plane(c).length; i++) {
                sum += Math.abs(a.plane(c)[i] - b.plane(c)[i]);
                n++;
            }
        }
        return sum / n;
    }
}
