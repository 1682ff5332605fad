package org.singanseg.studio.ui.mask;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The painting tools of the mask canvas, with their shortcut keys and help text. */
public enum MaskTool {
    BRUSH("Brush", "B", MaterialDesignB.BRUSH, "Paint the polyp. Right button erases."),
    ERASER("Eraser", "E", MaterialDesignE.ERASER, "Erase mask pixels."),
    FILL("Fill", "F", MaterialDesignF.FORMAT_COLOR_FILL, "Fill the enclosed area under the click. Shift+click clears it."),
    LASSO("Lasso", "L", MaterialDesignL.LASSO, "Drag around an area to fill it. Shift+drag clears it."),
    POLYGON("Polygon", "P", MaterialDesignV.VECTOR_POLYGON,
            "Click corners; double-click or Enter fills, Esc cancels. Shift+double-click clears.");

    private final String title;
    private final String key;
    private final Ikon icon;
    private final String help;

    MaskTool(String title, String key, Ikon icon, String help) {
        this.title = title;
        this.key = key;
        this.icon = icon;
        this.help = help;
    }

    public String title() {
        return title;
    }

    /** The single key that selects the tool. */
    public String key() {
        return key;
    }

    public Ikon icon() {
        return icon;
    }

    public String tooltip() {
        return title + " (" + key + "): " + help;
    }

    /** Tools whose size the brush slider sets, and which show the ring cursor. */
    public boolean usesBrushSize() {
        return this == BRUSH || this == ERASER;
    }
}
