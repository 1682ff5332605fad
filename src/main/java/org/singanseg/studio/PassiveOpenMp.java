package org.singanseg.studio;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.singanseg.studio.core.engine.OpenMpWaiting;

/**
 * Starts this program again with the OpenMP waiting of {@link OpenMpWaiting} (passive, with a
 * short spin) when OMP_WAIT_POLICY is not set. The OpenMP runtime reads the variables once, as it
 * loads, and Java cannot set its own environment, so the same command runs again as a child with
 * them, and this process only waits for it. That command is the installed app's launcher (which
 * names itself in jpackage.app-path; jpackage's launchers cannot set variables), or, run from
 * source, the Java command that started the entry class (`mvn javafx:run`, `java -cp ... Main`).
 * Not restarted: `mvn exec:java`, which runs the entry class inside Maven's own Java process,
 * processes whose command line Java cannot read (Windows, mostly) or pass on unchanged, and JVMs
 * with a debugger, a JMX port, a flight recording or a native agent (from the command line or
 * JAVA_TOOL_OPTIONS): the child would open the same port or file, and the tool would see only
 * this process. There the variables are the user's to set (README). A policy or spin count the
 * user set is kept, and a child never starts another.
 */
public final class PassiveOpenMp {
    static final String LAUNCHER_PROPERTY = "jpackage.app-path";
    static final String LAUNCHER_STAGE_VARIABLE = "_JPACKAGE_LAUNCHER";
    /** Set in the child: whatever its environment lost on the way, it does not start again. */
    static final String RESTARTED_VARIABLE = "SINGAN_SEG_STUDIO_RESTARTED";
    /** Once per process: Main hands the app to StudioLauncher, which calls this too. */
    private static boolean attempted;

    private PassiveOpenMp() {
    }

    /**
     * Runs this program again with the variables if it lacks them, and exits with the child's
     * code; call first thing in main. If the child cannot start, this process goes on as it is.
     */
    public static void restartIfNeeded(Class<?> entryClass, String[] args) {
        if (attempted) {
            return;
        }
        attempted = true;
        Optional<List<String>> command = commandToRestart(System.getenv(), System.getProperties(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), ownCommandLine(), entryClass.getName(), args);
        if (command.isEmpty()) {
            return;
        }
        try {
            System.exit(restart(command.get()));
        } catch (IOException e) {
            System.err.println("Could not start again with " + OpenMpWaiting.POLICY_VARIABLE + "="
                    + OpenMpWaiting.PASSIVE + " (" + e.getMessage() + "); going on without it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    /**
     * The command that starts this program again, when the environment lacks the policy: the
     * installed launcher with the program's arguments, or this process's own command line when it
     * names the entry class.
     *
     * @param jvmOptions this JVM's options, JAVA_TOOL_OPTIONS' included
     */
    static Optional<List<String>> commandToRestart(Map<String, String> environment, Properties system,
                                                   List<String> jvmOptions, Optional<List<String>> ownCommandLine,
                                                   String entryClass, String[] args) {
        if (environment.containsKey(OpenMpWaiting.POLICY_VARIABLE) || environment.containsKey(RESTARTED_VARIABLE)
                || jvmOptions.stream().anyMatch(PassiveOpenMp::opensPortOrFileOrAttachesTool)) {
            return Optional.empty();
        }
        String launcher = system.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && !launcher.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(launcher));
            command.addAll(List.of(args));
            return Optional.of(command);
        }
        return ownCommandLine.filter(command -> command.size() > 1 && command.contains(entryClass));
    }

    /** An option that a second JVM could not share: a debugger's or JMX port, a recording, an agent. */
    private static boolean opensPortOrFileOrAttachesTool(String option) {
        return option.contains("jdwp") || option.contains("jmxremote.port") || option.startsWith("-agentpath:")
                || option.startsWith("-XX:StartFlightRecording") || option.startsWith("-XX:FlightRecorderOptions");
    }

    /**
     * The executable and arguments of this process, if they can be passed to a child unchanged.
     * Linux's /proc has them whole (Java's ProcessHandle gives no arguments there once the command
     * line passes 4096 bytes, as any run from source with its class path does), in the bytes the
     * platform encoding gave them.
     */
    private static Optional<List<String>> ownCommandLine() {
        Charset platform = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        Path procCommandLine = Path.of("/proc/self/cmdline");
        if (Files.isReadable(procCommandLine)) {
            try {
                return splitAtNuls(new String(Files.readAllBytes(procCommandLine), platform))
                        .filter(command -> encodable(command, platform));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        return self.command().flatMap(java -> self.arguments().map(arguments -> {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(List.of(arguments));
            return command;
        }));
    }

    /** /proc's command line: every argument ends with a NUL; empty arguments are kept. */
    static Optional<List<String>> splitAtNuls(String nulTerminated) {
        if (!nulTerminated.endsWith("\0")) {
            return Optional.empty();
        }
        return Optional.of(List.of(nulTerminated.substring(0, nulTerminated.length() - 1).split("\0", -1)));
    }

    private static boolean encodable(List<String> command, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return command.stream().allMatch(encoder::canEncode);
    }

    /** Runs the command with the variables; returns its exit code. */
    static int restart(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(OpenMpWaiting.POLICY_VARIABLE, OpenMpWaiting.PASSIVE);
        builder.environment().putIfAbsent(OpenMpWaiting.SPIN_VARIABLE, OpenMpWaiting.SHORT_SPIN);
        builder.environment().put(RESTARTED_VARIABLE, "1");
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
