package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.SettingField;
import org.singanseg.studio.core.gan.TrainingSettings;

import picocli.CommandLine;

/** The training options: a preset, then any setting by its flag. */
class SettingsOptionsTest {

    @Test
    void everyFlagSetsItsSetting() {
        TrainingSettings expected = TrainingSettings.paper().toBuilder().maxSize(120).minSize(20).scaleFactor(0.7)
                .iterations(5).criticSteps(4).generatorSteps(5).learningRateG(1e-4).learningRateD(2e-4).beta1(0.6)
                .alpha(5).lambda(0.2).widthInitial(16).widthMax(48).widthDoublingEvery(2).noiseAmpFactor(0.3)
                .seed(11).build();
        List<String> args = new ArrayList<>(List.of("train", "--preset", "quick"));
        for (SettingField<?> field : SettingField.ALL) {
            args.add(field.flag());
            args.add(field.format(expected));
        }
        assertEquals(expected, resolve(args.toArray(String[]::new)));
    }

    @Test
    void thePresetAloneGivesThePreset() {
        assertEquals(TrainingSettings.standard(), resolve("train-batch", "--preset", "standard"));
        assertEquals(Preset.DEFAULT, resolve("train").preset(), "no --preset: the default");
    }

    @Test
    void aWidthAboveThePresetsLargestRaisesItUnlessTheLargestIsGiven() {
        TrainingSettings wider = resolve("train", "--width", "64");
        assertEquals(64, wider.widthInitial());
        assertEquals(64, wider.widthMax());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> resolve("train", "--width", "64", "--width-max", "32"));
        assertTrue(refused.getMessage().contains("largest width"), refused.getMessage());
    }

    @Test
    void theNoiseAmplitudeIsAnOptionWithHelp() {
        String help = StudioCommand.commandLine().getSubcommands().get("train").getUsageMessage();
        assertTrue(help.contains("--noise-amp=<noiseAmpFactor>"), help);
        assertEquals(0.25, resolve("train", "--noise-amp", "0.25").noiseAmpFactor());
    }

    /** The settings a command line gives; the command's other required options are added. */
    private static TrainingSettings resolve(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(args[0].equals("train") ? List.of("--image", "i.png", "--out", "m.singan")
                : List.of("--images", "i", "--masks", "m", "--out", "o"));
        CommandLine.ParseResult parsed = StudioCommand.commandLine().parseArgs(all.toArray(String[]::new));
        Object command = parsed.subcommand().commandSpec().userObject();
        SettingsOptions options = command instanceof TrainCommand train ? train.settingsOptions
                : ((TrainBatchCommand) command).settingsOptions;
        return options.resolve();
    }
}
