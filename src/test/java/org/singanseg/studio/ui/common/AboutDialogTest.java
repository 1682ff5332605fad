package org.singanseg.studio.ui.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AboutDialogTest {
    @Test
    void creditsThePolypGenDataAndListsTheLicencesOfTheBundledLibraries() {
        assertTrue(AboutDialog.CREDITS.contains("PolypGen") && AboutDialog.CREDITS.contains("CC BY 4.0"));
        String licences = AboutDialog.licences();
        for (String library : new String[]{"ND4J", "OpenJFX", "ControlsFX", "Ikonli", "picocli", "Jackson", "Logback"}) {
            assertTrue(licences.contains(library), library);
        }
    }
}
