package org.singanseg.studio.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Citation;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: version, engine, the credits the paper and the demo data ask for, and licences. */
public final class AboutDialog {
    static final String CREDITS = "Method: " + Citation.SINGAN_SEG + """


            Demo image and mask: PolypGen (Ali S, et al. A multi-centre polyp detection and segmentation \
            dataset for generalisability assessment. Scientific Data 10, 75 (2023)), \
            licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).""";
    static final String LICENCES_RESOURCE = "third-party-licences.txt";

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
        credits.setMaxWidth(560);
        TextArea licences = new TextArea(licences());
        licences.setEditable(false);
        licences.setWrapText(true);
        licences.setPrefRowCount(10);
        licences.setPrefWidth(560);
        alert.getDialogPane().setContent(new VBox(12, engine, credits, new Label("Licences"), licences));
        alert.getButtonTypes().setAll(ButtonType.OK);
        alert.showAndWait();
    }

    /** The bundled libraries and their licences, kept next to this class. */
    static String licences() {
        try (InputStream in = AboutDialog.class.getResourceAsStream(LICENCES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LICENCES_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
