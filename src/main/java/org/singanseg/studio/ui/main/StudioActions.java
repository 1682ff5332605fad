package org.singanseg.studio.ui.main;

import java.util.function.Consumer;

import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.singanseg.studio.ui.mask.MaskCanvas;
import org.singanseg.studio.ui.mask.MaskEditorModel;
import org.singanseg.studio.ui.mask.MaskTool;

import javafx.beans.binding.BooleanExpression;
import javafx.event.ActionEvent;
import javafx.scene.input.KeyCombination;

/**
 * Every command of the window, defined once with its name, icon, shortcut and tooltip; the menus
 * and tool bars are built from these, so they always agree.
 */
final class StudioActions {
    final Action newProject;
    final Action openProject;
    final Action openDemo;
    final Action save;
    final Action importMask;
    final Action exportMask;
    final Action exit;
    final Action undo;
    final Action redo;
    final Action clearMask;
    final Action invertMask;
    final Action smallerBrush;
    final Action largerBrush;
    final Action zoomIn;
    final Action zoomOut;
    final Action fit;
    final Action actualSize;
    final Action overlayVisible;
    final Action outlineMode;
    final Action about;
    final Action shortcuts;

    StudioActions(ProjectController projects, MaskEditorModel editor, MaskCanvas canvas, BooleanExpression noProject,
                  Runnable exitApp, Runnable showAbout, Runnable showShortcuts) {
        newProject = action("New Project from Image…", MaterialDesignF.FILE_IMAGE, "Shortcut+N",
                "Start a project from a colonoscopy image (or drop an image on the window)", e -> projects.chooseImageForNewProject());
        openProject = action("Open Project…", MaterialDesignF.FOLDER_OPEN, "Shortcut+O",
                "Open a project folder", e -> projects.chooseProjectToOpen());
        openDemo = action("Open Demo Project", MaterialDesignI.IMAGE_OUTLINE, null,
                "The bundled PolypGen image and its mask", e -> projects.openDemo());
        save = action("Save Mask", MaterialDesignC.CONTENT_SAVE, "Shortcut+S",
                "Mask edits are saved automatically; this saves at once", e -> projects.save());
        importMask = action("Import Mask…", MaterialDesignI.IMPORT, "Shortcut+I",
                "Use a mask image: bright pixels (128 and above) are polyp", e -> projects.chooseMaskToImport());
        exportMask = action("Export Mask…", MaterialDesignE.EXPORT, "Shortcut+E",
                "Save the mask as a binary PNG (0 and 255)", e -> projects.chooseMaskExport());
        exit = action("Exit", null, "Shortcut+Q", "Close SinGAN-Seg Studio", e -> exitApp.run());
        undo = action("Undo", MaterialDesignU.UNDO, "Shortcut+Z", "Undo the last mask edit", e -> editor.undo());
        redo = action("Redo", MaterialDesignR.REDO, "Shortcut+Shift+Z", "Redo the edit undone last", e -> editor.redo());
        clearMask = action("Clear Mask", MaterialDesignD.DELETE_OUTLINE, null, "Remove the whole mask (undoable)", e -> editor.clear());
        invertMask = action("Invert Mask", MaterialDesignI.INVERT_COLORS, null, "Swap polyp and background (undoable)", e -> editor.invert());
        smallerBrush = action("Smaller Brush", null, "[", "Brush size down", e -> editor.shrinkBrush());
        largerBrush = action("Larger Brush", null, "]", "Brush size up", e -> editor.growBrush());
        zoomIn = action("Zoom In", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Shortcut+EQUALS", "Zoom in (mouse wheel)", e -> canvas.zoomIn());
        zoomOut = action("Zoom Out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Shortcut+MINUS", "Zoom out (mouse wheel)", e -> canvas.zoomOut());
        fit = action("Fit to Window", MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Shortcut+0", "Show the whole image", e -> canvas.fit());
        actualSize = action("Actual Size (100%)", MaterialDesignN.NUMERIC_1_BOX_OUTLINE, "Shortcut+1",
                "One image pixel per screen pixel", e -> canvas.actualSize());
        overlayVisible = action("Show Mask Overlay", null, "M", "Show or hide the mask over the image", e -> {
        });
        overlayVisible.selectedProperty().bindBidirectional(editor.overlayVisibleProperty());
        outlineMode = action("Outline Only", null, "O", "Draw only the mask's border", e -> {
        });
        outlineMode.selectedProperty().bindBidirectional(editor.outlineModeProperty());
        about = action("About SinGAN-Seg Studio", MaterialDesignI.INFORMATION_OUTLINE, null, "Version, engine and credits",
                e -> showAbout.run());
        shortcuts = action("Keyboard Shortcuts", null, "F1", "All keys of the mask canvas", e -> showShortcuts.run());

        for (Action needsProject : new Action[]{save, importMask, exportMask, clearMask, invertMask, zoomIn, zoomOut, fit, actualSize}) {
            needsProject.disabledProperty().bind(noProject);
        }
        undo.disabledProperty().bind(editor.canUndoProperty().not());
        redo.disabledProperty().bind(editor.canRedoProperty().not());
    }

    /** One menu action a tool: selects it; its single-letter key is the accelerator. */
    static Action toolAction(MaskTool tool, MaskEditorModel editor) {
        return action(tool.title(), tool.icon(), tool.key(), tool.tooltip(), e -> editor.toolProperty().set(tool));
    }

    private static Action action(String text, Ikon icon, String accelerator, String tooltip, Consumer<ActionEvent> handler) {
        Action action = new Action(text, handler);
        if (icon != null) {
            action.setGraphic(new FontIcon(icon));
        }
        if (accelerator != null) {
            action.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        action.setLongText(accelerator == null ? tooltip : tooltip + " (" + KeyCombination.keyCombination(accelerator).getDisplayText() + ")");
        return action;
    }
}
