package org.singanseg.studio.ui.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The workflow a user follows, shown as steps at the top of the window. */
public enum WorkflowStep {
    MASK("Mask", MaterialDesignB.BRUSH,
            "Mark the polyp on the real image."),
    TRAIN("Train", MaterialDesignS.SCHOOL_OUTLINE,
            "Train the SinGAN-Seg pyramid on this image and mask, and watch it scale by scale."),
    GALLERY("Gallery", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE,
            "The model is trained. Generating, browsing, picking and exporting synthetic image/mask pairs "
                    + "arrives here in the next version; until then use the command line: "
                    + "generate --model <project>/models/model.singan --count N --out DIR."),
    COMPARE("Compare", MaterialDesignC.COMPARE,
            "Here you will compare the real image with synthetic ones side by side, with their masks.");

    private final String title;
    private final Ikon icon;
    private final String description;

    WorkflowStep(String title, Ikon icon, String description) {
        this.title = title;
        this.icon = icon;
        this.description = description;
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

    public String description() {
        return description;
    }
}
