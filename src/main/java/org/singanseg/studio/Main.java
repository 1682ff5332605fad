package org.singanseg.studio;

import org.singanseg.studio.cli.StudioCommand;
import org.singanseg.studio.core.engine.Backend;

import picocli.CommandLine;

/** Entry point for the command line (and, later, the desktop app); a plain class so that the
 * class path, not the module path, is used: DL4J's module descriptors are broken. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Backend.preferOneDnn();
        int exitCode = StudioCommand.commandLine().execute(args);
        System.exit(exitCode);
    }
}
