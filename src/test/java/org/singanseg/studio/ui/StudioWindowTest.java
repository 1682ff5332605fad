package org.singanseg.studio.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;

/** A UI test class on one headless app window, opened on the demo project before its tests. */
abstract class StudioWindowTest {
    static StudioAppFixture fixture;
    static StudioApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launchApp() throws Exception {
        fixture = StudioAppFixture.launch();
        app = fixture.app;
    }

    @AfterAll
    static void closeApp() throws Exception {
        fixture.close();
    }
}
