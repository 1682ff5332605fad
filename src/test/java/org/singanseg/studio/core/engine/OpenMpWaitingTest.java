package org.singanseg.studio.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OpenMpWaitingTest {
    @Test
    void describesWhatIsSetAndWhatIsNot() {
        assertEquals("OMP_WAIT_POLICY=passive GOMP_SPINCOUNT=(unset)",
                OpenMpWaiting.describe(Map.of("OMP_WAIT_POLICY", "passive")));
        assertEquals("OMP_WAIT_POLICY=(unset) GOMP_SPINCOUNT=5000",
                OpenMpWaiting.describe(Map.of("GOMP_SPINCOUNT", "5000")));
    }

    @Test
    void onlyPassiveWithTheShortSpinIsWhatTheAppRunsWith() {
        assertTrue(OpenMpWaiting.isRecommended(Map.of("OMP_WAIT_POLICY", "passive", "GOMP_SPINCOUNT", "1000")));
        assertFalse(OpenMpWaiting.isRecommended(Map.of("OMP_WAIT_POLICY", "passive")));
        assertFalse(OpenMpWaiting.isRecommended(Map.of("OMP_WAIT_POLICY", "active", "GOMP_SPINCOUNT", "1000")));
        assertFalse(OpenMpWaiting.isRecommended(Map.of()));
    }
}
