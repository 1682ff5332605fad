package org.singanseg.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.singanseg.studio.core.engine.OpenMpWaiting;

class PassiveOpenMpTest {
    @Test
    void restartsOnlyAnInstalledAppWithoutTheVariable() {
        Properties installed = new Properties();
        installed.setProperty(PassiveOpenMp.LAUNCHER_PROPERTY, "/opt/app/bin/App");

        assertEquals(Optional.of("/opt/app/bin/App"), PassiveOpenMp.launcherToRestart(Map.of(), installed));
        assertEquals(Optional.empty(), PassiveOpenMp.launcherToRestart(Map.of("OMP_WAIT_POLICY", "active"), installed));
        assertEquals(Optional.empty(), PassiveOpenMp.launcherToRestart(Map.of(), new Properties()));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theChildGetsTheVariablesAndTheArgumentsAndItsExitCodeIsReturned() throws Exception {
        // A spin count already in this environment is kept.
        String spin = System.getenv().getOrDefault(OpenMpWaiting.SPIN_VARIABLE, OpenMpWaiting.SHORT_SPIN);
        String[] args = {"-c", "[ \"$OMP_WAIT_POLICY\" = passive ] && [ \"$GOMP_SPINCOUNT\" = \"$1\" ] "
                + "&& [ \"$0\" = sh ] && exit 7; exit 1", "sh", spin};
        assertEquals(7, PassiveOpenMp.restart("/bin/sh", args));
    }
}
