package org.singanseg.studio.ui.dataset;

import java.io.File;
import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;

/** A folder path typed or chosen with a folder dialog. */
final class FolderField extends HBox {
    private final TextField path = new TextField();

    FolderField(String id, String dialogTitle) {
        super(6);
        path.setId(id);
        path.setPrefColumnCount(32);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setMinWidth(Region.USE_PREF_SIZE); // whole when a scroll bar narrows the window
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(dialogTitle);
            File current = new File(path.getText());
            if (current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getPath());
            }
        });
        getChildren().addAll(path, choose);
    }

    /** The folder, or null when the field is empty. */
    Path folder() {
        String text = path.getText().trim();
        return text.isEmpty() ? null : Path.of(text);
    }

    void setFolder(Path folder) {
        path.setText(folder == null ? "" : folder.toString());
    }
}
