package org.singanseg.studio.ui.common;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** The app's message boxes; long messages wrap instead of being cut off. */
public final class Dialogs {
    private static final Logger LOG = LoggerFactory.getLogger(Dialogs.class);

    private Dialogs() {
    }

    /** Shows what went wrong in words; the details go to the log file. */
    public static void error(Window owner, String title, Throwable error) {
        LOG.warn("{}", title, error);
        message(owner, Alert.AlertType.ERROR, title, UserMessages.describe(error));
    }

    public static void message(Window owner, Alert.AlertType type, String title, String text) {
        Alert alert = alert(owner, type, title, text);
        alert.getButtonTypes().setAll(ButtonType.OK);
        alert.showAndWait();
    }

    /** Asks a yes/no question with buttons named after the actions; true for the first. */
    public static boolean confirm(Window owner, String title, String text, String yes, String no) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, title, text);
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(yesButton, new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE));
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yesButton;
    }

    private static Alert alert(Window owner, Alert.AlertType type, String title, String text) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(text);
        content.setWrapText(true);
        content.setMaxWidth(520);
        content.getStyleClass().add("dialog-message");
        alert.getDialogPane().setContent(content);
        return alert;
    }
}
