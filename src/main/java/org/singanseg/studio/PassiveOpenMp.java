package org.singanseg.studio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.singanseg.studio.core.engine.OpenMpWaiting;

/**
 * Starts the installed app again with the OpenMP waiting of {@link OpenMpWaiting} (passive, with a
 * short spin) when OMP_WAIT_POLICY is not set. The OpenMP runtime reads the variables once, as it
 * loads; Java cannot set its own environment and jpackage's launchers cannot set any, so the
 * launcher (which names itself in jpackage.app-path) runs again as a child with them, and this
 * process only waits for it. A policy or spin count the user set is kept. Run from source (mvn),
 * the variables are the user's to set (README).
 */
final class PassiveOpenMp {
    static final String LAUNCHER_PROPERTY = "jpackage.app-path";
    static final String LAUNCHER_STAGE_VARIABLE = "_JPACKAGE_LAUNCHER";

    private PassiveOpenMp() {
    }

    /** The launcher to start again: set for an installed app whose environment lacks the variable. */
    static Optional<String> launcherToRestart(Map<String, String> environment, Properties system) {
        String launcher = system.getProperty(LAUNCHER_PROPERTY);
        if (launcher == null || launcher.isEmpty() || environment.containsKey(OpenMpWaiting.POLICY_VARIABLE)) {
            return Optional.empty();
        }
        return Optional.of(launcher);
    }

    /** Runs the launcher with the variable and the same arguments; returns its exit code. */
    static int restart(String launcher, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(OpenMpWaiting.POLICY_VARIABLE, OpenMpWaiting.PASSIVE);
        builder.environment().putIfAbsent(OpenMpWaiting.SPIN_VARIABLE, OpenMpWaiting.SHORT_SPIN);
        // jpackage's Linux launcher marks its own second stage with this; inherited, it would make
        // the child skip its settings and take the arguments as the JVM's (--version: Java's).
        builder.environment().remove(LAUNCHER_STAGE_VARIABLE);
        Process child = builder.start();
        // Ctrl+C reaches both processes, a kill of this one alone is passed on; either way this one
        // ends only after the child has finished what it saves on the way out.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            child.onExit().join();
        }));
        return child.waitFor();
    }
}
