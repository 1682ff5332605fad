package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.model.ResumeDecision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a SinGAN-Seg model on one image and its mask; checkpoints after every scale.")
public final class TrainCommand implements Callable<Integer> {
    static final int CANCELLED = 130;

    @Mixin
    PairOptions pair;

    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--out", required = true, description = "The model file to write (e.g. polyp.singan).")
    Path out;

    @Option(names = "--resume",
            description = "Continue the unfinished training saved in --out (same image, mask and options).")
    boolean resume;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        TrainingSettings settings = settingsOptions.resolve();
        OutputPlaces.checkFile(out);
        TrainingPair trainingPair = pair.load();
        SourceInfo source = pair.source(trainingPair);
        // A checkpoint is only resumed with the settings it was started with.
        SinGanModel checkpoint = resumePoint(source, settings);
        describe(trainingPair, settings);

        // Ctrl+C: ask the trainer to stop (within one iteration) and let it finish before the JVM exits.
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancelled.set(true);
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            Trainer trainer = new Trainer(settings, new ConsoleProgress(System.out, System.console() != null),
                    cancelled::get);
            Output.writingInto(out.toAbsolutePath().getParent(),
                    () -> trainer.train(trainingPair, source, checkpoint, model -> ModelFile.save(model, out)));
            System.out.println("Model saved to " + out.toAbsolutePath());
            return 0;
        } catch (CancellationException e) {
            System.out.println("Training stopped. Finished scales are saved in " + out
                    + "; continue with the same command and --resume.");
            return CANCELLED;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting (Ctrl+C): the hook is already running.
            }
        }
    }

    /** The checkpoint to continue from, or null for a fresh start; refuses to overwrite by accident. */
    private SinGanModel resumePoint(SourceInfo source, TrainingSettings settings) throws Exception {
        if (!Files.exists(out)) {
            if (resume) {
                System.out.println("No checkpoint at " + out + " yet: starting from the beginning.");
            }
            return null;
        }
        if (!resume) {
            if (force) {
                return null;
            }
            throw new IllegalArgumentException(out + " already exists. Add --resume to continue its training, "
                    + "--force to replace it, or choose another --out.");
        }
        ResumeDecision decision = ResumeDecision.of(ModelFile.describe(out), source.imageSha256(),
                source.maskSha256(), settings);
        return switch (decision.action()) {
            case RESUME -> ModelFile.load(out);
            case DONE -> throw new IllegalArgumentException(out + " cannot be resumed. " + decision.reason()
                    + " Generate samples with it, or add --force (without --resume) to train again.");
            case START_OVER -> throw new IllegalArgumentException(out + " cannot be resumed. " + decision.reason()
                    + " Resume with the image, mask and options it was started with, or train anew: --force "
                    + "(without --resume) replaces it, another --out keeps it.");
        };
    }

    private static void describe(TrainingPair pair, TrainingSettings settings) {
        Pyramid pyramid = Trainer.plan(settings, pair.height(), pair.width());
        System.out.printf(Locale.ROOT, "Image %s: %dx%d px, polyp covers %.1f%% of it.%n", pair.imageName(),
                pair.width(), pair.height(), 100 * pair.coverage());
        if (pyramid.finestWidth() != pair.width() || pyramid.finestHeight() != pair.height()) {
            System.out.printf(Locale.ROOT, "It is scaled down to %dx%d px, the preset's max size of %d px.%n",
                    pyramid.finestWidth(), pyramid.finestHeight(), settings.maxSize());
        }
        System.out.println("Settings: " + settings.describe());
        StringBuilder plan = new StringBuilder();
        for (int k = 0; k < pyramid.scales(); k++) {
            plan.append(k == 0 ? "" : ", ").append(pyramid.widths()[k]).append('x').append(pyramid.heights()[k])
                    .append(" (").append(settings.widthAt(k)).append(')');
        }
        System.out.printf(Locale.ROOT, "Pyramid: %d scales, factor %.3f: %s%n", pyramid.scales(),
                pyramid.scaleFactor(), plan);
    }
}
