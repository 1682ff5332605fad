package org.singanseg.studio.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line in a process of its own, as a user starts it, for what only a real process
 * shows: a kill, a signal, the locale it decodes its arguments with. It gets the test's class path
 * and JVM options (heap, native builds), and does not restart itself (see PassiveOpenMp).
 */
public final class CliProcess {
    private CliProcess() {
    }

    /** Starts Main with the arguments; its output (stdout and stderr) goes to the log file. */
    public static Process start(Path log, Map<String, String> environment, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-D") || option.startsWith("-Xmx"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.singanseg.studio.Main");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SINGAN_SEG_STUDIO_RESTARTED", "1");
        builder.environment().putAll(environment);
        return builder.start();
    }
}
