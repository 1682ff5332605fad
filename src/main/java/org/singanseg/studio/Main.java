package org.singanseg.studio;

import java.util.Optional;

import org.singanseg.studio.cli.StudioCommand;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.core.io.FileNameEncoding;
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
        Optional<String> mangled = FileNameEncoding.mangledArgument(args, FileNameEncoding.system(), System.getenv());
        if (mangled.isPresent()) {
            System.err.println("Error: " + mangled.get());
            System.exit(2); // the command line's code for an error the user can fix
        }
        Backend.prepare();
        int exitCode = StudioCommand.commandLine().execute(args);
        System.exit(exitCode);
    }
}
