package org.singanseg.studio.cli;

import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.SettingField;
import org.singanseg.studio.core.gan.TrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A preset and optional overrides of every training setting: one option per {@link SettingField},
 * added to the command using this mixin when picocli builds it, so a new setting is an option
 * without code here.
 */
@Command(modelTransformer = SettingsOptions.SettingOptions.class)
final class SettingsOptions {
    private static final String WIDTH_MAX = "--width-max";

    @Option(names = "--preset", defaultValue = Preset.DEFAULT_ID,
            description = "quick (96 px, minutes on a laptop), sharp (250 px, the paper's size, trained on windows; "
                    + "several times the quick preset's time), standard (160 px, about an hour) or paper (the reference; "
                    + "hours on a GPU). Default: ${DEFAULT-VALUE}.")
    String preset;

    /** The command the options were added to; they hold the values given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    TrainingSettings resolve() {
        TrainingSettings settings = Preset.named(preset).settings();
        for (SettingField<?> field : SettingField.ALL) {
            Object given = command.findOption(field.flag()).getValue();
            if (given != null) {
                settings = field.withValue(settings, given);
            }
        }
        if (command.findOption(WIDTH_MAX).getValue() == null) {
            // A --width above the preset's largest width raises it, rather than being refused.
            settings = settings.toBuilder().widthMax(Math.max(settings.widthMax(), settings.widthInitial())).build();
        }
        return settings.validated();
    }

    /** Adds an option per setting; it keeps its value (null when not given) for {@link #resolve}. */
    static final class SettingOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (SettingField<?> field : SettingField.ALL) {
                // arity 1: a true/false setting takes its value like the others (--batch-norm false).
                command.addOption(OptionSpec.builder(field.flag()).type(field.type()).arity("1")
                        .paramLabel("<" + field.name() + ">")
                        .description(field.help().replace("%", "%%") + " Default: the preset's.").build());
            }
            return command;
        }
    }
}
