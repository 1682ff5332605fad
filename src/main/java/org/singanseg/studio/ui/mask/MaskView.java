package org.singanseg.studio.ui.mask;

import java.util.Locale;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.singanseg.studio.core.mask.MaskFigures;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Mask step: tool bar (tools, brush size, overlay settings), the canvas, and a footer with the
 * live mask figures and the zoom. Edit and file buttons are added by the window, which shares
 * their actions with the menus.
 */
public final class MaskView extends BorderPane {
    private final MaskCanvas canvas;
    private final ToolBar toolBar;
    private final Separator commandsEnd = new Separator();

    public MaskView(MaskEditorModel model) {
        canvas = new MaskCanvas(model);
        getStyleClass().add("mask-view");
        toolBar = toolBar(model);
        setTop(toolBar);
        setCenter(canvas);
        setBottom(footer(model));
    }

    public MaskCanvas canvas() {
        return canvas;
    }

    /** Puts command buttons between the brush and the overlay controls. */
    public void addTools(Node... tools) {
        toolBar.getItems().addAll(toolBar.getItems().indexOf(commandsEnd), java.util.List.of(tools));
    }

    private ToolBar toolBar(MaskEditorModel model) {
        ToolBar bar = new ToolBar();
        ToggleGroup tools = new ToggleGroup();
        for (MaskTool tool : MaskTool.values()) {
            ToggleButton button = new ToggleButton(null, new FontIcon(tool.icon()));
            button.setId("tool-" + tool.name().toLowerCase(Locale.ROOT));
            button.setTooltip(new Tooltip(tool.tooltip()));
            button.setToggleGroup(tools);
            button.setUserData(tool);
            button.setSelected(model.toolProperty().get() == tool);
            bar.getItems().add(button);
        }
        tools.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // one tool is always on
            } else {
                model.toolProperty().set((MaskTool) selected.getUserData());
            }
        });
        model.toolProperty().addListener((obs, old, tool) -> tools.getToggles().stream()
                .filter(t -> t.getUserData() == tool).findFirst().ifPresent(t -> t.setSelected(true)));

        Slider size = new Slider(MaskEditorModel.MIN_BRUSH, 200, model.brushSizeProperty().get());
        size.setId("brush-size");
        size.valueProperty().bindBidirectional(model.brushSizeProperty());
        size.setPrefWidth(120);
        size.setTooltip(new Tooltip("Brush size in image pixels ([ and ] keys, or Ctrl + mouse wheel)"));
        Label sizeLabel = new Label();
        sizeLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f px", model.brushSizeProperty()));
        sizeLabel.setMinWidth(48);

        bar.getItems().addAll(new Separator(), new Label("Size"), size, sizeLabel, new Separator(),
                commandsEnd, overlayControls(model));
        return bar;
    }

    private Node overlayControls(MaskEditorModel model) {
        ToggleButton visible = new ToggleButton(null, new FontIcon(MaterialDesignE.EYE_OUTLINE));
        visible.setId("overlay-visible");
        visible.selectedProperty().bindBidirectional(model.overlayVisibleProperty());
        visible.setTooltip(new Tooltip("Show the mask overlay (M)"));
        ToggleButton outline = new ToggleButton(null, new FontIcon(MaterialDesignV.VECTOR_SQUARE));
        outline.setId("overlay-outline");
        outline.selectedProperty().bindBidirectional(model.outlineModeProperty());
        outline.setTooltip(new Tooltip("Outline only (O): see the tissue under the mask"));
        Slider opacity = new Slider(0.1, 1, model.overlayOpacityProperty().get());
        opacity.valueProperty().bindBidirectional(model.overlayOpacityProperty());
        opacity.setPrefWidth(90);
        opacity.setTooltip(new Tooltip("Overlay opacity"));
        ColorPicker colour = new ColorPicker();
        colour.valueProperty().bindBidirectional(model.overlayColorProperty());
        colour.setTooltip(new Tooltip("Overlay colour"));
        colour.setPrefWidth(56);
        HBox box = new HBox(6, new Label("Overlay"), visible, outline, opacity, colour);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node footer(MaskEditorModel model) {
        Label figures = new Label();
        figures.setId("mask-figures");
        figures.textProperty().bind(Bindings.createStringBinding(() -> describe(model.figuresProperty().get()),
                model.figuresProperty()));
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.format(Locale.ROOT, "Zoom %.0f%%", canvas.zoomProperty().multiply(100)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Wheel: zoom · Space+drag or middle button: pan · Ctrl+wheel or [ ]: brush size");
        hint.getStyleClass().add("hint");
        HBox footer = new HBox(16, figures, spacer, hint, zoom);
        footer.setPadding(new Insets(4, 10, 4, 10));
        footer.getStyleClass().add("mask-footer");
        return footer;
    }

    /** "Mask: 12.4% of the image, 1 region" and the warnings training would give. */
    static String describe(MaskFigures figures) {
        if (figures == null) {
            return "Mask: …";
        }
        if (figures.isEmpty()) {
            return "Mask: empty. Paint the polyp, or import its mask (File > Import Mask).";
        }
        if (figures.isFull()) {
            return "Mask: covers the whole image. Erase the background, or invert the mask.";
        }
        return String.format(Locale.ROOT, "Mask: %.1f%% of the image, %d %s", figures.coverage() * 100,
                figures.regions(), figures.regions() == 1 ? "region" : "regions");
    }
}
