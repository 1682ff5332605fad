package org.singanseg.studio.ui;

import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.ui.prefs.StudioHome;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain class (not the Application) so the app also runs from the class
 * path; it sets up the log file and the oneDNN natives before anything logs or loads ND4J.
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void main(String[] args) {
        Backend.preferOneDnn();
        System.setProperty("studio.log.dir", StudioHome.logFolder().toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-app.xml");
        }
        Application.launch(StudioApp.class, args);
    }
}
