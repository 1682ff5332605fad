package org.singanseg.studio.ui.main;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;
import org.kordamp.ikonli.javafx.FontIcon;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.ui.common.AboutDialog;
import org.singanseg.studio.ui.common.Dialogs;
import org.singanseg.studio.ui.common.StatusModel;
import org.singanseg.studio.ui.mask.MaskEditorModel;
import org.singanseg.studio.ui.mask.MaskTool;
import org.singanseg.studio.ui.mask.MaskView;
import org.singanseg.studio.ui.prefs.StudioPreferences;
import org.singanseg.studio.ui.train.TrainingReadiness;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The main window's layout: menu bar, tool bar with the workflow steps, the current step's view
 * and the status bar. Commands live in {@link StudioActions}, project work in {@link ProjectController}.
 */
public final class MainWindow extends BorderPane {
    private final StudioActions actions;
    private final ProjectController projects;
    private final MaskEditorModel editor;
    private final StudioPreferences preferences;
    private final StatusModel status;
    private final Stage stage;
    private final ObjectProperty<WorkflowStep> step = new SimpleObjectProperty<>(WorkflowStep.MASK);
    private final Map<WorkflowStep, Node> stepViews = new EnumMap<>(WorkflowStep.class);
    private final Menu recentMenu = new Menu("Open Recent");

    /**
     * @param laterSteps  the views of the steps after Mask
     * @param datasetMenu work on many pairs at once, beside the menus of the project
     * @param modelReady true when the project has a trained model: Gallery and Compare open then
     */
    public MainWindow(Stage stage, ProjectController projects, MaskEditorModel editor, MaskView maskView,
                      Map<WorkflowStep, Node> laterSteps, Menu datasetMenu, BooleanExpression modelReady,
                      StudioPreferences preferences, StatusModel status) {
        this.stage = stage;
        this.projects = projects;
        this.editor = editor;
        this.preferences = preferences;
        this.status = status;
        this.actions = new StudioActions(projects, editor, maskView.canvas(), projects.projectProperty().isNull(),
                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)),
                () -> AboutDialog.show(stage, status.backendProperty().get()), this::showShortcuts);
        getStyleClass().add("main-window");
        maskView.addTools(maskToolButtons(actions));

        stepViews.put(WorkflowStep.MASK, maskView);
        stepViews.putAll(laterSteps);
        StackPane content = new StackPane(stepViews.values().toArray(Node[]::new));
        step.addListener((obs, old, current) -> showStep(current));
        showStep(step.get());

        setTop(new VBox(menuBar(datasetMenu), toolBar(modelReady)));
        setCenter(content);
        setBottom(statusBar());
        acceptDroppedFiles();
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Project project = projects.projectProperty().get();
            return project == null ? "SinGAN-Seg Studio" : project.name() + " — SinGAN-Seg Studio";
        }, projects.projectProperty()));
    }

    public ObjectProperty<WorkflowStep> stepProperty() {
        return step;
    }

    private void showStep(WorkflowStep current) {
        stepViews.forEach((s, view) -> view.setVisible(s == current));
        if (current == WorkflowStep.TRAIN && projects.projectProperty().get() != null) {
            TrainingReadiness.problem(editor.figuresProperty().get()).ifPresent(problem ->
                    Dialogs.message(stage, Alert.AlertType.WARNING, "The mask is not ready for training", problem));
        }
    }

    private MenuBar menuBar(Menu datasetMenu) {
        Menu file = new Menu("File");
        file.setOnShowing(e -> fillRecentMenu());
        file.getItems().addAll(item(actions.newProject), item(actions.openProject), recentMenu, item(actions.openDemo),
                new SeparatorMenuItem(), item(actions.importMask), item(actions.exportMask), item(actions.save),
                new SeparatorMenuItem(), item(actions.exit));
        fillRecentMenu();

        Menu edit = new Menu("Edit");
        edit.getItems().addAll(item(actions.undo), item(actions.redo), new SeparatorMenuItem(),
                item(actions.clearMask), item(actions.invertMask), new SeparatorMenuItem());
        ToggleGroup toolGroup = new ToggleGroup();
        for (MaskTool tool : MaskTool.values()) {
            RadioMenuItem toolItem = ActionUtils.createRadioMenuItem(StudioActions.toolAction(tool, editor));
            toolItem.setToggleGroup(toolGroup);
            toolItem.setSelected(editor.toolProperty().get() == tool);
            editor.toolProperty().addListener((obs, old, selected) -> toolItem.setSelected(selected == tool));
            edit.getItems().add(withOwnIcon(toolItem));
        }
        edit.getItems().addAll(new SeparatorMenuItem(), item(actions.smallerBrush), item(actions.largerBrush));

        Menu view = new Menu("View");
        view.getItems().addAll(item(actions.zoomIn), item(actions.zoomOut), item(actions.fit), item(actions.actualSize),
                new SeparatorMenuItem(), checkItem(actions.overlayVisible), checkItem(actions.outlineMode), new SeparatorMenuItem());
        for (WorkflowStep s : WorkflowStep.values()) {
            MenuItem goTo = new MenuItem(s.numberedTitle());
            goTo.setAccelerator(KeyCombination.keyCombination("Alt+" + (s.ordinal() + 1)));
            goTo.setOnAction(e -> step.set(s));
            view.getItems().add(goTo);
        }

        Menu help = new Menu("Help");
        help.getItems().addAll(item(actions.shortcuts), item(actions.about));
        MenuBar bar = new MenuBar(file, edit, view, datasetMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar(BooleanExpression modelReady) {
        SegmentedButton steps = new SegmentedButton();
        steps.setId("workflow-steps");
        for (WorkflowStep s : WorkflowStep.values()) {
            ToggleButton button = new ToggleButton(s.numberedTitle(), new FontIcon(s.icon()));
            button.setId("step-" + s.name().toLowerCase(java.util.Locale.ROOT));
            button.setUserData(s);
            button.setTooltip(new Tooltip(s.title() + " (Alt+" + (s.ordinal() + 1) + ")"));
            button.setSelected(s == step.get());
            if (s == WorkflowStep.GALLERY || s == WorkflowStep.COMPARE) {
                button.disableProperty().bind(modelReady.not());
            }
            steps.getButtons().add(button);
        }
        steps.getToggleGroup().selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            } else {
                step.set((WorkflowStep) selected.getUserData());
            }
        });
        step.addListener((obs, old, current) -> steps.getButtons().forEach(b -> b.setSelected(b.getUserData() == current)));
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(button(actions.newProject), button(actions.openProject), button(actions.save),
                spacer, steps, new Region());
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(Bindings.when(status.runningProperty().isNotEmpty()).then(status.runningProperty())
                .otherwise(Bindings.when(status.activityProperty().isNotEmpty()).then(status.activityProperty())
                        .otherwise(status.messageProperty())));
        bar.progressProperty().bind(Bindings.when(status.runningProperty().isNotEmpty())
                .then(ProgressBar.INDETERMINATE_PROGRESS).otherwise(Bindings.when(status.activityProperty().isNotEmpty())
                        .then(status.activityProgressProperty()).otherwise(0.0)));
        Label backend = new Label();
        backend.setId("backend");
        backend.textProperty().bind(status.backendProperty());
        backend.setTooltip(new Tooltip("The compute engine training will use"));
        bar.getRightItems().add(backend);
        return bar;
    }

    /** Buttons for the mask step's tool bar, from the same actions as the menus. */
    private static Node[] maskToolButtons(StudioActions actions) {
        return new Node[]{button(actions.undo), button(actions.redo), button(actions.clearMask), button(actions.invertMask),
                button(actions.importMask), button(actions.exportMask), button(actions.fit), button(actions.actualSize)};
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (Path folder : preferences.recentProjects()) {
            MenuItem item = new MenuItem(folder.getFileName() + "  —  " + folder);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> projects.open(folder));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void acceptDroppedFiles() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean accepted = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (accepted) {
                projects.openDropped(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
    }

    private void showShortcuts() {
        StringBuilder text = new StringBuilder();
        for (MaskTool tool : MaskTool.values()) {
            text.append(tool.key()).append("  ").append(tool.title()).append('\n');
        }
        text.append("""
                [  ]  Brush size down / up (also Ctrl + mouse wheel)
                Mouse wheel  Zoom around the pointer
                Space + drag, or middle button  Pan
                Right button  Erase with the brush; Shift + fill, lasso or polygon clears
                Enter / Esc  Finish / cancel a polygon
                Ctrl+Z / Ctrl+Shift+Z  Undo / redo
                Ctrl+0 / Ctrl+1  Fit / 100%
                M / O  Overlay on-off / outline only
                Alt+1 … Alt+4  Workflow steps""");
        Dialogs.message(stage, Alert.AlertType.INFORMATION, "Keyboard shortcuts", text.toString());
    }

    private static MenuItem item(Action action) {
        return withOwnIcon(ActionUtils.createMenuItem(action));
    }

    private static CheckMenuItem checkItem(Action action) {
        return (CheckMenuItem) withOwnIcon(ActionUtils.createCheckMenuItem(action));
    }

    private static Button button(Action action) {
        Button button = ActionUtils.createButton(action, ActionUtils.ActionTextBehavior.HIDE);
        button.graphicProperty().unbind();
        button.setGraphic(iconCopy(action));
        return button;
    }

    /** A node can have one parent only: menus and buttons each get their own copy of the icon. */
    private static MenuItem withOwnIcon(MenuItem item) {
        item.graphicProperty().unbind();
        item.setGraphic(null);
        return item;
    }

    private static Node iconCopy(Action action) {
        return action.getGraphic() instanceof FontIcon icon ? new FontIcon(icon.getIconCode()) : null;
    }
}
