package org.singanseg.studio.ui.train;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.singanseg.studio.core.gan.TrainingSettings;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * Every training setting as a text field, built from the settings record itself so a new setting
 * appears here without further code. Each field shows the reference (paper) value as its hint.
 */
final class SettingsForm extends GridPane {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("maxSize", "Max size (px, longer side of the finest scale)"),
            Map.entry("minSize", "Min size (px, shorter side of the coarsest scale)"),
            Map.entry("scaleFactor", "Scale factor between scales"),
            Map.entry("iterations", "Iterations per scale"),
            Map.entry("criticSteps", "Critic steps per iteration"),
            Map.entry("generatorSteps", "Generator steps per iteration"),
            Map.entry("learningRateG", "Learning rate, generator"),
            Map.entry("learningRateD", "Learning rate, critic"),
            Map.entry("beta1", "Adam beta1"),
            Map.entry("alpha", "Reconstruction weight (alpha)"),
            Map.entry("lambda", "Gradient penalty weight (lambda)"),
            Map.entry("widthInitial", "Network width at the coarsest scale"),
            Map.entry("widthMax", "Largest network width"),
            Map.entry("widthDoublingEvery", "Width doubles every N scales (0: never)"),
            Map.entry("noiseAmpFactor", "Noise amplitude factor"),
            Map.entry("seed", "Random seed"));

    /** By component name: RecordComponent objects are not equal across getRecordComponents() calls. */
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private String preset = "quick";

    SettingsForm() {
        setHgap(10);
        setVgap(4);
        TrainingSettings reference = TrainingSettings.paper();
        int row = 0;
        for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
            if (component.getName().equals("preset")) {
                continue;
            }
            TextField field = new TextField();
            field.setId("setting-" + component.getName());
            field.setPrefColumnCount(8);
            String referenceValue = format(value(component, reference));
            field.setPromptText(referenceValue);
            field.setTooltip(new Tooltip("Reference (paper) value: " + referenceValue));
            fields.put(component.getName(), field);
            add(new Label(LABELS.getOrDefault(component.getName(), component.getName())), (row % 2) * 2, row / 2);
            add(field, (row % 2) * 2 + 1, row / 2);
            row++;
        }
    }

    void show(TrainingSettings settings) {
        preset = settings.preset();
        for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
            TextField field = fields.get(component.getName());
            if (field != null) {
                field.setText(format(value(component, settings)));
            }
        }
    }

    /**
     * The settings as typed, named "custom" once they differ from the preset shown last.
     * @throws IllegalArgumentException naming the field that is not a number or out of range
     */
    TrainingSettings read() {
        RecordComponent[] components = TrainingSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        int presetIndex = -1;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals("preset")) {
                presetIndex = i;
                values[i] = preset;
            } else {
                values[i] = parse(components[i], fields.get(components[i].getName()).getText().trim());
            }
        }
        TrainingSettings typed = construct(values);
        boolean known = java.util.Arrays.asList(TrainingSettings.PRESETS).contains(preset);
        if (!known || !typed.equals(TrainingSettings.preset(preset))) {
            values[presetIndex] = "custom";
            typed = construct(values);
        }
        return typed.validated();
    }

    private static TrainingSettings construct(Object[] values) {
        Class<?>[] types = java.util.Arrays.stream(TrainingSettings.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return TrainingSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(RecordComponent component, String text) {
        String label = LABELS.getOrDefault(component.getName(), component.getName());
        try {
            if (component.getType() == int.class) {
                return Integer.parseInt(text);
            }
            if (component.getType() == long.class) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + label + "\" must be a number" + (component.getType() == double.class ? "" : " without decimals")
                    + "; it is \"" + text + "\".");
        }
    }

    private static Object value(RecordComponent component, TrainingSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : String.valueOf(value);
    }
}
