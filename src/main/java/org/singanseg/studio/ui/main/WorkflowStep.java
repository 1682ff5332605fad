package org.singanseg.studio.ui.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The workflow a user follows, shown as steps at the top of the window. */
public enum WorkflowStep {
    MASK("Mask", MaterialDesignB.BRUSH),
    TRAIN("Train", MaterialDesignS.SCHOOL_OUTLINE),
    GALLERY("Gallery", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE),
    COMPARE("Compare", MaterialDesignC.COMPARE);

    private final String title;
    private final Ikon icon;

    WorkflowStep(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    /** "1  Mask" etc., as on the step buttons. */
    public String numberedTitle() {
        return (ordinal() + 1) + "  " + title;
    }

    public Ikon icon() {
        return icon;
    }
}
