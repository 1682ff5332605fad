package org.singanseg.studio.ui;

import org.singanseg.studio.PassiveOpenMp;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.ui.prefs.StudioHome;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain class (not the Application) so the app also runs from the class
 * path; it starts itself again with the OpenMP settings if they are missing ({@link PassiveOpenMp}:
 * `mvn javafx:run` comes here), sets up the log file, then the engine's natives (which may log),
 * before ND4J loads.
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void main(String[] args) {
        PassiveOpenMp.restartIfNeeded(StudioLauncher.class, args);
        System.setProperty("studio.log.dir", StudioHome.logFolder().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-app.xml");
        }
        Backend.prepare();
        try {
            Application.launch(StudioApp.class, args);
        } catch (UnsupportedOperationException | LinkageError e) {
            // No display, or no GTK/OpenGL libraries: JavaFX's toolkit cannot start. A message, not a trace.
            System.err.println(cannotOpenWindow(e));
            System.exit(2);
        }
    }

    static String cannotOpenWindow(Throwable cause) {
        return "SinGAN-Seg Studio cannot open a window (" + cause.getMessage() + "). It needs a display (on Linux: "
                + "a desktop session, or DISPLAY set, e.g. under Xvfb) and the GTK 3 and OpenGL libraries (Debian/Ubuntu: "
                + "sudo apt-get install libgtk-3-0 libgl1 libxtst6 libxxf86vm1). The command line needs neither: "
                + "run it with --help.";
    }
}
