package org.singanseg.studio;

import org.singanseg.studio.cli.StudioCommand;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.ui.StudioLauncher;

/** Entry point: the desktop app without arguments, the command line with them. A plain class so
 * that the class path, not the module path, is used: DL4J's module descriptors are broken. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PassiveOpenMp.restartIfNeeded(Main.class, args);
        if (args.length == 0) {
            StudioLauncher.main(args);
            return;
        }
        Backend.prepare();
        int exitCode = StudioCommand.commandLine().execute(args);
        System.exit(exitCode);
    }
}
