package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.testing.TinyModels;

class MaskFloorTest {
    private static final long SEED = 3;

    @Test
    void withoutAFloorEveryPairIsTheFirstDraw() throws Exception {
        Sampler sampler = new Sampler(TinyModels.trained());
        for (int i = 0; i < 3; i++) {
            MaskFloor.Drawn drawn = MaskFloor.NONE.draw(sampler, SEED, i, 0, 1, 1);
            assertEquals(0, drawn.draw());
            assertFalse(drawn.belowFloor());
            assertSame(plain(sampler, i, 0), drawn.pair());
        }
    }

    @Test
    void aPairUnderTheFloorIsDrawnAgainUntilItsMaskReachesIt() throws Exception {
        Sampler sampler = new Sampler(withRealCoverage(Double.NaN));
        // A pair whose first draw has a smaller mask than a later one; the floor is that later mask.
        for (int i = 0; i < 20; i++) {
            double[] coverage = coverages(sampler, i);
            double later = 0;
            for (int d = 1; d < coverage.length; d++) {
                later = Math.max(later, coverage[d]);
            }
            if (coverage[0] < later) {
                int expected = 0;
                while (coverage[expected] < later) {
                    expected++;
                }
                MaskFloor.Drawn drawn = new MaskFloor(later).draw(sampler, SEED, i, 0, 1, 1);
                assertEquals(expected, drawn.draw());
                assertEquals(MaskFloor.startScale(0, expected, sampler.scales()), drawn.startScale());
                assertFalse(drawn.belowFloor());
                assertTrue(drawn.pair().maskCoverage() >= later);
                assertSame(plain(sampler, i, expected), drawn.pair());
                return;
            }
        }
        throw new AssertionError("no pair among 20 had a first draw with a smaller mask than a later draw");
    }

    @Test
    void aFloorNoDrawReachesKeepsTheLargestMask() throws Exception {
        Sampler sampler = new Sampler(withRealCoverage(Double.NaN));
        double[] coverage = coverages(sampler, 0);
        int largest = 0;
        for (int d = 1; d < coverage.length; d++) {
            largest = coverage[d] > coverage[largest] ? d : largest;
        }
        assertTrue(coverage[largest] < 1, "the model drew a sample that is all mask");
        MaskFloor.Drawn drawn = new MaskFloor(1).draw(sampler, SEED, 0, 0, 1, 1);
        assertTrue(drawn.belowFloor());
        assertEquals(largest, drawn.draw());
        assertEquals(MaskFloor.startScale(0, largest, sampler.scales()), drawn.startScale());
        assertSame(plain(sampler, 0, largest), drawn.pair());
    }

    @Test
    void forASmallRealPolypTheFloorIsHalfItsShare() throws Exception {
        // A floor of 100% that no draw reaches alone: with a real mask of twice a later draw's
        // coverage, that draw is the first to reach the floor, as under an absolute floor there.
        for (int i = 0; i < 20; i++) {
            double[] coverage = coverages(new Sampler(withRealCoverage(Double.NaN)), i);
            double later = 0;
            for (int d = 1; d < coverage.length; d++) {
                later = Math.max(later, coverage[d]);
            }
            if (coverage[0] < later) {
                Sampler small = new Sampler(withRealCoverage(2 * later));
                MaskFloor.Drawn relative = new MaskFloor(1).draw(small, SEED, i, 0, 1, 1);
                MaskFloor.Drawn absolute = new MaskFloor(later).draw(small, SEED, i, 0, 1, 1);
                assertFalse(relative.belowFloor());
                assertEquals(absolute.draw(), relative.draw());
                assertSame(absolute.pair(), relative.pair());
                return;
            }
        }
        throw new AssertionError("no pair among 20 had a first draw with a smaller mask than a later draw");
    }

    @Test
    void theFloorIsTheSmallerOfItsShareAndHalfTheRealMasks() {
        MaskFloor floor = new MaskFloor(0.01);
        assertEquals(0.01, floor.coverageFor(0.30), 1e-15);
        assertEquals(0.01, floor.coverageFor(0.02), 1e-15);
        assertEquals(0.0035, floor.coverageFor(0.007), 1e-15, "a polyp of 0.7% keeps samples from 0.35% on");
        assertEquals(0.01, floor.coverageFor(Double.NaN), 1e-15, "a model that does not say: the floor itself");
        assertEquals(0, MaskFloor.NONE.coverageFor(0.007));
    }

    @Test
    void theLastDrawsAreOneStartScaleHigherWhereTheModelHasOne() {
        assertEquals(0, MaskFloor.startScale(0, MaskFloor.DRAWS_PER_SCALE - 1, 6));
        assertEquals(1, MaskFloor.startScale(0, MaskFloor.DRAWS_PER_SCALE, 6));
        assertEquals(1, MaskFloor.startScale(0, MaskFloor.MAX_DRAWS - 1, 6));
        assertEquals(5, MaskFloor.startScale(5, MaskFloor.MAX_DRAWS - 1, 6), "the finest scale has none above it");
    }

    @Test
    void aNoiseIndexReadsAsThePairAndItsDraw() {
        assertEquals("19", MaskFloor.describeNoiseIndex(MaskFloor.noiseIndex(19, 0)));
        assertEquals("19, draw 2", MaskFloor.describeNoiseIndex(MaskFloor.noiseIndex(19, 2)));
    }

    @Test
    void floorsOutsideZeroToOneAreRefusedInPercent() {
        for (double bad : new double[] {-0.01, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaskFloor(bad));
            assertTrue(e.getMessage().contains("from 0% to 100%"), e.getMessage());
        }
    }

    /** The tiny model, its source saying that the real mask covers this share (NaN: no source). */
    private static SinGanModel withRealCoverage(double coverage) throws Exception {
        SinGanModel model = TinyModels.trained();
        SourceInfo source = Double.isNaN(coverage) ? null : new SourceInfo(model.source().imageName(),
                model.source().imageSha256(), null, model.source().width(), model.source().height(), coverage);
        return new SinGanModel(model.settings(), model.pyramid(), source, model.scales());
    }

    private static double[] coverages(Sampler sampler, long index) {
        double[] coverage = new double[MaskFloor.MAX_DRAWS];
        for (int d = 0; d < coverage.length; d++) {
            coverage[d] = plain(sampler, index, d).maskCoverage();
        }
        return coverage;
    }

    /** Draw {@code draw} of sample {@code index} from start scale 0, drawn by hand. */
    private static SamplePair plain(Sampler sampler, long index, int draw) {
        int scale = MaskFloor.startScale(0, draw, sampler.scales());
        return SamplePair.fromOutput(sampler.sample(SEED, MaskFloor.noiseIndex(index, draw), scale, 1, 1));
    }

    private static void assertSame(SamplePair expected, SamplePair actual) {
        assertArrayEquals(expected.rgb().data(), actual.rgb().data());
        assertArrayEquals(expected.mask(), actual.mask());
    }
}
