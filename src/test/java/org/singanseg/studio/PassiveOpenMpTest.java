package org.singanseg.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.singanseg.studio.core.engine.OpenMpWaiting;

class PassiveOpenMpTest {
    private static final String ENTRY = "org.singanseg.studio.Main";
    private static final String[] ARGS = {"train", "--preset", "quick"};
    private static final Optional<List<String>> FROM_SOURCE =
            Optional.of(List.of("/usr/bin/java", "-cp", "classes", ENTRY, "train"));
    private static final Optional<List<String>> NO_COMMAND_LINE = Optional.empty();

    @Test
    void theInstalledAppRestartsItsLauncherWithTheProgramsArguments() {
        Properties installed = new Properties();
        installed.setProperty(PassiveOpenMp.LAUNCHER_PROPERTY, "/opt/app/bin/App");

        assertEquals(Optional.of(List.of("/opt/app/bin/App", "train", "--preset", "quick")),
                PassiveOpenMp.commandToRestart(Map.of(), installed, NO_COMMAND_LINE, ENTRY, ARGS));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of("OMP_WAIT_POLICY", "active"), installed,
                NO_COMMAND_LINE, ENTRY, ARGS));
    }

    @Test
    void runFromSourceTheSameJavaCommandRestartsWhenItNamesTheEntryClass() {
        Properties plain = new Properties();

        assertEquals(Optional.of(List.of("/usr/bin/java", "-cp", "classes", ENTRY, "train")),
                PassiveOpenMp.commandToRestart(Map.of(), plain, FROM_SOURCE, ENTRY, ARGS));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of("OMP_WAIT_POLICY", "passive"), plain,
                FROM_SOURCE, ENTRY, ARGS), "the variable is set");
        Optional<List<String>> maven = Optional.of(List.of("/usr/bin/java", "-classpath", "boot/plexus-classworlds.jar",
                "org.codehaus.plexus.classworlds.launcher.Launcher", "exec:java"));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of(), plain, maven, ENTRY, ARGS),
                "mvn exec:java: the entry class runs inside Maven's process");
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of(), plain, NO_COMMAND_LINE, ENTRY, ARGS),
                "no command line to run again");
        Optional<List<String>> debugged = Optional.of(List.of("/usr/bin/java",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-cp", "classes", ENTRY));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of(), plain, debugged, ENTRY, ARGS),
                "under a debugger");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theChildGetsTheVariablesAndItsExitCodeIsReturned() throws Exception {
        // A spin count already in this environment is kept.
        String spin = System.getenv().getOrDefault(OpenMpWaiting.SPIN_VARIABLE, OpenMpWaiting.SHORT_SPIN);
        List<String> command = List.of("/bin/sh", "-c",
                "[ \"$OMP_WAIT_POLICY\" = passive ] && [ \"$GOMP_SPINCOUNT\" = \"$1\" ] && exit 7; exit 1", "sh", spin);
        assertEquals(7, PassiveOpenMp.restart(command));
    }
}
