package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.testing.TinyModels;

/**
 * No dead settings: changing any one field of {@link TrainingSettings} changes the trained model
 * (its pyramid or its weights). A new field fails {@link #everySettingHasAChange()} until it is
 * given a changed value here, and then must have an effect on training.
 */
class TrainingSettingsEffectTest {
    /**
     * Two scales (40 px wide at the finest), widths 8 then 16, three iterations: every setting can show,
     * and a training takes a fraction of a second.
     */
    private static final TrainingSettings BASE =
            new TrainingSettings(40, 25, 0.5, 3, 1, 1, 5e-4, 5e-4, 0.5, 10, 0.1, 8, 16, 1, 0.1, 0, true, 7);

    /** Per field, a valid value other than BASE's. */
    private static final Map<String, Object> CHANGED = Map.ofEntries(
            Map.entry("maxSize", 34),
            Map.entry("minSize", 20),
            // Three scales instead of two for either test frame: 0.75 still gives two for the demo pair's
            // 40x32, which a clone without ../shared trains on.
            Map.entry("scaleFactor", 0.85),
            Map.entry("iterations", 4),
            Map.entry("criticSteps", 2),
            Map.entry("generatorSteps", 2),
            Map.entry("learningRateG", 1e-3),
            Map.entry("learningRateD", 1e-3),
            Map.entry("beta1", 0.9), // Adam's first step does not depend on beta1; the second does
            Map.entry("alpha", 1.0),
            Map.entry("lambda", 1.0),
            Map.entry("widthInitial", 16),
            Map.entry("widthMax", 8),
            Map.entry("widthDoublingEvery", 0),
            Map.entry("noiseAmpFactor", 0.2),
            Map.entry("windowSize", 32), // the finest scale (40 px wide) trains on 32 px windows
            Map.entry("batchNorm", false),
            Map.entry("seed", 8L));

    private static TrainingPair pair;
    private static Object[] baseModel;

    @BeforeAll
    static void trainBase() throws Exception {
        pair = TinyModels.pair();
        baseModel = trainedModel(BASE);
    }

    @Test
    void everySettingHasAChange() {
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : TrainingSettings.class.getRecordComponents()) {
            fields.add(component.getName());
        }
        assertEquals(fields, new TreeSet<>(CHANGED.keySet()), "every training setting needs a changed value in CHANGED");
    }

    @Test
    void theSameSettingsTrainTheSameModel() throws Exception {
        // Otherwise "the model changed" below would prove nothing.
        assertTrue(Arrays.deepEquals(baseModel, trainedModel(BASE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingNames")
    void changingTheSettingChangesTheModel(String name) throws Exception {
        TrainingSettings changed = with(BASE, name, CHANGED.get(name));
        assertFalse(Arrays.deepEquals(baseModel, trainedModel(changed)),
                name + " = " + CHANGED.get(name) + " trains the same model as " + BASE + ": the setting is ignored");
    }

    static Stream<String> settingNames() {
        return CHANGED.keySet().stream().sorted();
    }

    /** The pyramid's sizes and every scale's generator and critic weights. */
    private static Object[] trainedModel(TrainingSettings settings) throws Exception {
        SinGanModel model = new Trainer(settings, new TrainingListener() { }, () -> false)
                .train(pair, TinyModels.source(pair), null, m -> { });
        List<Object> parts = new ArrayList<>();
        parts.add(model.pyramid().heights());
        parts.add(model.pyramid().widths());
        for (TrainedScale scale : model.scales()) {
            parts.add(scale.generator().toDoubleVector());
            parts.add(scale.critic().toDoubleVector());
        }
        return parts.toArray();
    }

    /** The settings with one field replaced, through the field's with-er. */
    private static TrainingSettings with(TrainingSettings settings, String name, Object value) {
        SettingField<?> field = SettingField.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        return field.withValue(settings, value);
    }
}
