package org.singanseg.studio.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A warning across a view with the action that resolves it; shown only while there is something to say. */
public final class WarningBanner extends HBox {

    public WarningBanner(String id, ObservableStringValue text, String action, Ikon actionIcon, Runnable onAction) {
        super(12);
        Label words = new Label();
        words.setWrapText(true);
        words.setMinHeight(Region.USE_PREF_SIZE);
        words.setMaxWidth(Double.MAX_VALUE);
        words.textProperty().bind(text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button button = new Button(action, new FontIcon(actionIcon));
        button.setId(id + "-action");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> onAction.run());
        getChildren().addAll(new FontIcon(MaterialDesignA.ALERT_OUTLINE), words, button);
        setAlignment(Pos.CENTER_LEFT);
        setId(id);
        getStyleClass().add("warning-banner");
        visibleProperty().bind(words.textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
