package org.singanseg.studio.ui.dataset;

import org.singanseg.studio.ui.common.EngineJob;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Start, Stop, a progress bar and the job's message, as the dataset windows show them. */
final class JobControls extends VBox {

    JobControls(EngineJob job, String idPrefix, Runnable start) {
        super(8);
        Button startButton = new Button("Start");
        startButton.setId(idPrefix + "-start");
        startButton.setDefaultButton(true);
        startButton.disableProperty().bind(job.runningProperty());
        startButton.setOnAction(e -> start.run());
        Button stop = new Button("Stop");
        stop.setId(idPrefix + "-stop");
        stop.disableProperty().bind(job.runningProperty().not());
        stop.setOnAction(e -> job.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label message = new Label();
        message.setId(idPrefix + "-message");
        message.setWrapText(true);
        message.textProperty().bind(job.messageProperty());
        getChildren().addAll(new HBox(8, startButton, stop, bar), message);
    }
}
