package org.singanseg.studio.cli;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Backend;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "singan-seg-studio",
        mixinStandardHelpOptions = true,
        versionProvider = StudioCommand.Version.class,
        description = "Synthetic polyp image/mask pairs from one real image (SinGAN-Seg).",
        subcommands = {TrainCommand.class, TrainBatchCommand.class, EvaluateCommand.class, GenerateCommand.class,
                StyleCommand.class, ExportCommand.class, BenchCommand.class})
public final class StudioCommand implements Runnable {

    /** The command line with the app's error handling, as Main and the tests run it. */
    public static picocli.CommandLine commandLine() {
        return new picocli.CommandLine(new StudioCommand()).setExecutionExceptionHandler(new UserErrors());
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The app's version and the engine backend in use. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"SinGAN-Seg Studio " + AppVersion.get(), "Engine: " + Backend.describe()};
        }
    }
}
