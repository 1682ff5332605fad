package org.singanseg.studio.ui.common;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Citation;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: version, engine, and the credits the paper and the demo data ask for. */
public final class AboutDialog {
    static final String CREDITS = "Method: " + Citation.SINGAN_SEG + """


            Demo image and mask: PolypGen (Ali S, et al. A multi-centre polyp detection and segmentation \
            dataset for generalisability assessment. Scientific Data 10, 75 (2023)), \
            licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).

            Built with OpenJFX, DeepLearning4J / ND4J, ControlsFX and Ikonli.""";

    private AboutDialog() {
    }

    public static void show(Window owner, String backend) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About SinGAN-Seg Studio");
        alert.setHeaderText("SinGAN-Seg Studio " + AppVersion.get());
        Label engine = new Label("Engine: " + backend);
        Label credits = new Label(CREDITS);
        credits.setWrapText(true);
        credits.setMaxWidth(520);
        alert.getDialogPane().setContent(new VBox(12, engine, credits));
        alert.getButtonTypes().setAll(ButtonType.OK);
        alert.showAndWait();
    }
}
