package org.singanseg.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.singanseg.studio.cli.StudioCommand;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.SettingField;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.control.TextField;
import picocli.CommandLine;

/**
 * Every component of {@link TrainingSettings}, found by reflection, is an option of every command
 * that trains and a field of the app's settings form: a new setting cannot be forgotten in either.
 */
class SettingsEverywhereTest {
    private static final List<String> TRAINING_COMMANDS = List.of("train", "train-batch", "bench");

    @BeforeAll
    static void startJavaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyComponentIsAnOptionOfEveryTrainingCommand() {
        CommandLine cli = StudioCommand.commandLine();
        for (String command : TRAINING_COMMANDS) {
            CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(command).getCommandSpec();
            for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
                SettingField<?> field = field(component);
                CommandLine.Model.OptionSpec option = spec.findOption(field.flag());
                assertNotNull(option, command + " has no option for " + component.getName());
                assertEquals(component.getType(), unboxed(option.type()), field.flag());
            }
        }
    }

    @Test
    void everyComponentIsAFieldOfTheFormAndComesBackAsTyped() throws Exception {
        SettingsForm form = WaitForAsyncUtils.asyncFx(SettingsForm::new).get();
        TrainingSettings custom = TrainingSettings.standard().toBuilder().iterations(7).noiseAmpFactor(0.25).seed(9)
                .build();
        WaitForAsyncUtils.asyncFx(() -> form.show(custom)).get();
        for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
            TextField text = (TextField) form.lookup("#setting-" + component.getName());
            assertNotNull(text, "the form has no field for " + component.getName());
            assertEquals(String.valueOf(component.getAccessor().invoke(custom)), text.getText(), component.getName());
        }
        TrainingSettings read = WaitForAsyncUtils.asyncFx(form::read).get();
        assertEquals(custom, read);
        assertEquals(Preset.CUSTOM, read.preset());

        WaitForAsyncUtils.asyncFx(() -> ((TextField) form.lookup("#setting-noiseAmpFactor")).setText("much")).get();
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, form::read);
        assertEquals("\"Noise amplitude factor\" must be a number; it is \"much\".", typo.getMessage());
    }

    private static SettingField<?> field(RecordComponent component) {
        return SettingField.ALL.stream().filter(f -> f.name().equals(component.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no SettingField for " + component.getName()));
    }

    private static Class<?> unboxed(Class<?> type) {
        return type == Integer.class ? int.class : type == Long.class ? long.class
                : type == Double.class ? double.class : type == Boolean.class ? boolean.class : type;
    }
}
