package org.singanseg.studio.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.Resize;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TestData;

class FineDetailTest {
    private static Planes real;

    @BeforeAll
    static void load() throws Exception {
        real = TrainingPair.toRgb(ImageFiles.read(TestData.largeImage()));
    }

    @Test
    void theRealImageAtAnySizeScoresAboutOne() {
        assertEquals(1.0, FineDetail.relative(real, List.of(real), 250), 1e-12);
        // The same frame handed over at 250 px already: only the resampling differs.
        Planes at250 = Resize.bicubic(real, 141, 250);
        assertEquals(1.0, FineDetail.relative(real, List.of(at250), 250), 0.05);
    }

    @Test
    void aSmallCopyEnlargedToTheDisplaySizeScoresLowAndLowerTheSmallerItWas() {
        double from96 = FineDetail.relative(real, List.of(Resize.bicubic(real, 54, 96)), 250);
        double from160 = FineDetail.relative(real, List.of(Resize.bicubic(real, 90, 160)), 250);
        assertTrue(from96 > 0 && from96 < from160 && from160 < 0.8, from96 + " < " + from160 + " < 0.8");
    }

    @Test
    void theMeanIsOverSamplesAndAFlatSampleScoresZero() {
        Planes flat = Planes.zeros(3, 54, 96);
        assertEquals(0.0, FineDetail.relative(real, List.of(flat), 250));
        assertEquals(0.5, FineDetail.relative(real, List.of(real, flat), 250), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> FineDetail.relative(flat, List.of(real), 250));
        assertThrows(IllegalArgumentException.class, () -> FineDetail.relative(real, List.of(), 250));
    }
}
