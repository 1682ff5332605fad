package org.singanseg.studio.ui.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.singanseg.studio.core.gan.SettingField;
import org.singanseg.studio.core.gan.TrainingSettings;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * Every training setting as a text field, one per {@link SettingField}, so a new setting appears
 * here without further code. Each field shows the reference (paper) value as its hint.
 */
final class SettingsForm extends GridPane {
    private final Map<SettingField<?>, TextField> fields = new LinkedHashMap<>();

    SettingsForm() {
        setHgap(10);
        setVgap(4);
        TrainingSettings reference = TrainingSettings.paper();
        int row = 0;
        for (SettingField<?> setting : SettingField.ALL) {
            TextField field = new TextField();
            field.setId("setting-" + setting.name());
            field.setPrefColumnCount(8);
            String referenceValue = setting.format(reference);
            field.setPromptText(referenceValue);
            String range = setting.range().equals(SettingField.Range.ANY) ? ""
                    : " Must be " + setting.range().describe() + ".";
            field.setTooltip(new Tooltip(setting.help() + range + " Reference (paper) value: " + referenceValue));
            fields.put(setting, field);
            add(new Label(setting.label()), (row % 2) * 2, row / 2);
            add(field, (row % 2) * 2 + 1, row / 2);
            row++;
        }
    }

    void show(TrainingSettings settings) {
        fields.forEach((setting, field) -> field.setText(setting.format(settings)));
    }

    /**
     * The settings as typed; their preset is whichever one they are, if any.
     * @throws IllegalArgumentException naming the field that is not a number or out of range
     */
    TrainingSettings read() {
        TrainingSettings typed = TrainingSettings.paper();
        for (Map.Entry<SettingField<?>, TextField> entry : fields.entrySet()) {
            typed = entry.getKey().withText(typed, entry.getValue().getText());
        }
        return typed.validated();
    }
}
