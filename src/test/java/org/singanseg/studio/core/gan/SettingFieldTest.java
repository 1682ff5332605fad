package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one description of the settings: complete, and the way every settings value is derived. */
class SettingFieldTest {

    @Test
    void describesEveryComponentOfTheSettingsInOrder() {
        List<String> components = Arrays.stream(TrainingSettings.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(components, SettingField.ALL.stream().map(SettingField::name).toList());
        assertEquals(SettingField.ALL.size(), SettingField.ALL.stream().map(SettingField::flag).distinct().count(),
                "one flag per setting");
    }

    @Test
    void theWitherChangesItsComponentOnly() throws Exception {
        TrainingSettings paper = TrainingSettings.paper();
        for (SettingField<?> field : SettingField.ALL) {
            boolean onOff = field.type() == Boolean.class;
            TrainingSettings changed = field.withText(paper, onOff ? "FALSE" : "7");
            for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
                Object before = component.getAccessor().invoke(paper);
                Object after = component.getAccessor().invoke(changed);
                if (component.getName().equals(field.name())) {
                    assertEquals(onOff ? Boolean.FALSE : (Object) 7.0,
                            onOff ? after : ((Number) after).doubleValue(), field.name());
                    assertEquals(field.get(changed), after, field.name());
                } else {
                    assertEquals(before, after, field.name() + " changed " + component.getName());
                }
            }
        }
    }

    @Test
    void typedTextThatIsNotANumberOfTheTypeIsNamed() {
        SettingField<?> iterations = field("iterations");
        IllegalArgumentException decimals = assertThrows(IllegalArgumentException.class,
                () -> iterations.withText(TrainingSettings.quick(), "2.5"));
        assertEquals("\"Iterations per scale\" must be a number without decimals; it is \"2.5\".", decimals.getMessage());
        assertThrows(IllegalArgumentException.class, () -> field("alpha").withText(TrainingSettings.quick(), "ten"));
        IllegalArgumentException notOnOff = assertThrows(IllegalArgumentException.class,
                () -> field("batchNorm").withText(TrainingSettings.quick(), "1"));
        assertEquals("\"Batch norm\" must be true or false; it is \"1\".", notOnOff.getMessage());
    }

    @Test
    void rangesAreCheckedWithTheLabelAndTheRange() {
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.quick().toBuilder().iterations(0).build().validated());
        assertEquals("Invalid setting: \"Iterations per scale\" must be at least 1; it is 0.", low.getMessage());
        IllegalArgumentException factor = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.quick().toBuilder().scaleFactor(1).build().validated());
        assertTrue(factor.getMessage().contains("greater than 0.3 and less than 1"), factor.getMessage());
        IllegalArgumentException widths = assertThrows(IllegalArgumentException.class,
                () -> TrainingSettings.quick().toBuilder().widthInitial(64).build().validated());
        assertTrue(widths.getMessage().contains("largest width"), widths.getMessage());
        for (Preset preset : Preset.CHOICES) {
            assertEquals(preset.settings(), preset.settings().validated());
        }
    }

    @Test
    void settingsKnowTheirPresetWhateverTheSeed() {
        for (Preset preset : Preset.CHOICES) {
            assertEquals(preset, preset.settings().preset());
            assertEquals(preset, preset.settings().toBuilder().seed(42).build().preset());
            assertEquals(preset, Preset.named(preset.id().toUpperCase()));
        }
        assertEquals(Preset.CUSTOM, TrainingSettings.quick().toBuilder().iterations(3).build().preset());
        assertTrue(TrainingSettings.standard().describe().startsWith("preset standard: Max size (px) 160, "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Preset.named("custom"));
        assertEquals("Unknown preset 'custom'. Choose one of: quick, sharp, standard, paper.", unknown.getMessage());
    }

    /** Files store the preset by name; older ones stored it as a field of its own, with any name. */
    @Test
    void jsonStoresThePresetAndReadsOldFilesWhatTheirPresetSays() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String written = json.writeValueAsString(TrainingSettings.quick());
        assertTrue(written.contains("\"preset\":\"quick\""), written);
        assertEquals(TrainingSettings.quick(), json.readValue(written, TrainingSettings.class));

        String old = "{\"preset\":\"probe\",\"maxSize\":96,\"minSize\":25,\"scaleFactor\":0.75,\"iterations\":300,"
                + "\"criticSteps\":2,\"generatorSteps\":2,\"learningRateG\":5.0E-4,\"learningRateD\":5.0E-4,"
                + "\"beta1\":0.5,\"alpha\":10.0,\"lambda\":0.1,\"widthInitial\":32,\"widthMax\":32,"
                + "\"widthDoublingEvery\":0,\"noiseAmpFactor\":0.1,\"seed\":1}";
        TrainingSettings read = json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(old, TrainingSettings.class);
        assertEquals(TrainingSettings.quick(), read);
        assertEquals(Preset.QUICK, read.preset());
        TrainingSettings edited = json.readValue(old.replace("\"iterations\":300", "\"iterations\":3")
                .replace("probe", "quick"), TrainingSettings.class);
        assertNotEquals(TrainingSettings.quick(), edited);
        assertEquals(Preset.CUSTOM, edited.preset(), "an older version named edited settings after their preset");
    }

    private static SettingField<?> field(String name) {
        return SettingField.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
