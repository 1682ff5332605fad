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
    private static final List<String> PLAIN_JVM = List.of("-Xmx4g", "-javaagent:/opt/idea/idea_rt.jar");
    private static final Optional<List<String>> FROM_SOURCE =
            Optional.of(List.of("/usr/bin/java", "-cp", "classes", ENTRY, "train"));
    private static final Optional<List<String>> NO_COMMAND_LINE = Optional.empty();

    @Test
    void theInstalledAppRestartsItsLauncherWithTheProgramsArguments() {
        Properties installed = installed();

        assertEquals(Optional.of(List.of("/opt/app/bin/App", "train", "--preset", "quick")),
                PassiveOpenMp.commandToRestart(Map.of(), installed, PLAIN_JVM, NO_COMMAND_LINE, ENTRY, ARGS));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of("OMP_WAIT_POLICY", "active"), installed,
                PLAIN_JVM, NO_COMMAND_LINE, ENTRY, ARGS));
    }

    @Test
    void runFromSourceTheSameJavaCommandRestartsWhenItNamesTheEntryClass() {
        Properties plain = new Properties();

        assertEquals(Optional.of(List.of("/usr/bin/java", "-cp", "classes", ENTRY, "train")),
                PassiveOpenMp.commandToRestart(Map.of(), plain, PLAIN_JVM, FROM_SOURCE, ENTRY, ARGS));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of("OMP_WAIT_POLICY", "passive"), plain,
                PLAIN_JVM, FROM_SOURCE, ENTRY, ARGS), "the variable is set");
        Optional<List<String>> maven = Optional.of(List.of("/usr/bin/java", "-classpath", "boot/plexus-classworlds.jar",
                "org.codehaus.plexus.classworlds.launcher.Launcher", "exec:java"));
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(Map.of(), plain, PLAIN_JVM, maven, ENTRY, ARGS),
                "mvn exec:java: the entry class runs inside Maven's process");
        assertEquals(Optional.empty(),
                PassiveOpenMp.commandToRestart(Map.of(), plain, PLAIN_JVM, NO_COMMAND_LINE, ENTRY, ARGS),
                "no command line to run again");
    }

    @Test
    void neverUnderADebuggerOrAMonitorNorInAChild() {
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-Dcom.sun.management.jmxremote.port=9010", "-XX:StartFlightRecording=filename=rec.jfr",
                "-agentpath:/opt/profiler/libasyncProfiler.so")) {
            List<String> jvm = List.of("-Xmx4g", option);
            assertEquals(Optional.empty(),
                    PassiveOpenMp.commandToRestart(Map.of(), new Properties(), jvm, FROM_SOURCE, ENTRY, ARGS), option);
            assertEquals(Optional.empty(),
                    PassiveOpenMp.commandToRestart(Map.of(), installed(), jvm, NO_COMMAND_LINE, ENTRY, ARGS), option);
        }
        assertEquals(Optional.empty(), PassiveOpenMp.commandToRestart(
                Map.of(PassiveOpenMp.RESTARTED_VARIABLE, "1"), installed(), PLAIN_JVM, FROM_SOURCE, ENTRY, ARGS));
    }

    @Test
    void theProcCommandLineKeepsEmptyArguments() {
        assertEquals(Optional.of(List.of("java", "Main", "", "--name", "")),
                PassiveOpenMp.splitAtNuls("java\0Main\0\0--name\0\0"));
        assertEquals(Optional.empty(), PassiveOpenMp.splitAtNuls(""));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theChildGetsTheVariablesAndItsExitCodeIsReturned() throws Exception {
        // A spin count already in this environment is kept.
        String spin = System.getenv().getOrDefault(OpenMpWaiting.SPIN_VARIABLE, OpenMpWaiting.SHORT_SPIN);
        List<String> command = List.of("/bin/sh", "-c", "[ \"$OMP_WAIT_POLICY\" = passive ] && [ \"$GOMP_SPINCOUNT\" = \"$1\" ] "
                + "&& [ \"$SINGAN_SEG_STUDIO_RESTARTED\" = 1 ] && exit 7; exit 1", "sh", spin);
        assertEquals(7, PassiveOpenMp.restart(command));
    }

    private static Properties installed() {
        Properties installed = new Properties();
        installed.setProperty(PassiveOpenMp.LAUNCHER_PROPERTY, "/opt/app/bin/App");
        return installed;
    }
}
