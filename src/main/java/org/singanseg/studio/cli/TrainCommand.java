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
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.model.ResumeDecision;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a SinGAN-Seg model on one image and its mask; checkpoints after every scale.",
                "--image, --mask and --out: a model file. --project DIR with --image and --mask: makes a project "
                        + "there as the app's New Project does and trains it; --project DIR alone: trains that "
                        + "project's image and mask. A project's model goes to DIR/models/model.singan, where the "
                        + "app finds it (and Resume continues it)."})
public final class TrainCommand implements Callable<Integer> {
    static final int CANCELLED = 130;

    @Mixin
    PairOptions pair;

    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--out", description = "The model file to write (e.g. polyp.singan); or --project.")
    Path out;

    @Option(names = "--project", paramLabel = "DIR",
            description = "A project folder to train, instead of --out: with --image (and --mask) made there first "
                    + "(a new or empty folder), without them the project's own image and mask.")
    Path project;

    @Option(names = "--resume",
            description = "Continue the unfinished training saved in --out or the project (same image, mask and options).")
    boolean resume;

    @Option(names = "--force", description = "Overwrite an existing model file.")
    boolean force;

    /** The model file to write; the project's when training one. */
    private Path model;
    /** The project trained, or null for --out. */
    private Project trained;

    @Override
    public Integer call() throws Exception {
        TrainingSettings settings = settingsOptions.resolve();
        TrainingPair trainingPair;
        SourceInfo source;
        if (project == null) {
            if (out == null || pair.image == null) {
                throw new IllegalArgumentException("train needs --image (with --mask) and --out to write a model file, "
                        + "or --project DIR to train a project.");
            }
            model = out;
            OutputPlaces.checkFile(model);
            trainingPair = pair.load();
            source = pair.source(trainingPair);
        } else {
            trained = project(settings);
            model = trained.modelFile();
            // The project's own files, as the app trains them: the model records their SHA-256.
            trainingPair = TrainingPair.load(trained.imageFile(), trained.maskFile());
            source = SourceInfo.of(trained.imageFile(), trained.maskFile(), trainingPair);
        }
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
            Output.writingInto(model.toAbsolutePath().getParent(),
                    () -> trainer.train(trainingPair, source, checkpoint, latest -> ModelFile.save(latest, model)));
            System.out.println("Model saved to " + model.toAbsolutePath());
            if (trained != null) {
                System.out.println("The project is trained: open it in the app, or add pairs to its gallery with "
                        + "generate --project " + project + ".");
            }
            return 0;
        } catch (CancellationException e) {
            System.out.println("Training stopped. Finished scales are saved in " + model + "; continue with "
                    + (trained == null ? "the same command and --resume."
                    : "train --project " + project + " --resume and the same options, or with Resume in the app."));
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

    /**
     * The project of --project: made from --image and --mask as the app's New Project makes one
     * (then its mask imported), or the existing one. Nothing is written before the pair and the
     * settings are found fit to train.
     */
    private Project project(TrainingSettings settings) throws Exception {
        if (out != null) {
            throw new IllegalArgumentException("--project and --out cannot be used together: a project's model goes "
                    + "to its folder (models/model.singan). Leave out --out.");
        }
        if (pair.image == null) {
            if (pair.mask != null) {
                throw new IllegalArgumentException("--mask goes with --image, to make a new project. To train an "
                        + "existing project on another mask, import the mask into it in the app.");
            }
            Project existing = ProjectStore.open(project);
            OutputPlaces.checkFile(existing.modelFile());
            return existing;
        }
        if (Files.isRegularFile(project.resolve(Project.DESCRIPTOR))) {
            throw new IllegalArgumentException(project + " is a project already. Leave out --image and --mask to train "
                    + "its own image and mask (add --resume to continue a stopped training), or choose a new folder.");
        }
        OutputPlaces.checkFolder(project);
        TrainingPair given = pair.load();
        Trainer.plan(settings, given.height(), given.width());
        Project made = ProjectStore.create(pair.image, project.toAbsolutePath().normalize()).project();
        if (pair.mask != null) {
            ProjectStore.saveMask(made, MaskFiles.read(pair.mask));
        }
        System.out.println("Made the project " + made.folder() + " from " + pair.image.getFileName()
                + (pair.mask != null ? " and " + pair.mask.getFileName() : " (its alpha channel is the mask)") + ".");
        return made;
    }

    /** The checkpoint to continue from, or null for a fresh start; refuses to overwrite by accident. */
    private SinGanModel resumePoint(SourceInfo source, TrainingSettings settings) throws Exception {
        if (!Files.exists(model)) {
            if (resume) {
                System.out.println("No checkpoint at " + model + " yet: starting from the beginning.");
            }
            return null;
        }
        if (!resume) {
            if (force) {
                return null;
            }
            throw new IllegalArgumentException(model + " already exists. Add --resume to continue its training"
                    + (trained == null ? ", --force to replace it, or choose another --out." : " or --force to replace it."));
        }
        ResumeDecision decision = ResumeDecision.of(ModelFile.describe(model), source.imageSha256(),
                source.maskSha256(), settings);
        return switch (decision.action()) {
            case RESUME -> ModelFile.load(model);
            case DONE -> throw new IllegalArgumentException(model + " cannot be resumed. " + decision.reason()
                    + " Generate samples with it, or add --force (without --resume) to train again.");
            case START_OVER -> throw new IllegalArgumentException(model + " cannot be resumed. " + decision.reason()
                    + (trained == null ? " Resume with the image, mask and options it was started with"
                    : " Resume with the options it was started with (and the project's image and mask as they were)")
                    + ", or train anew: --force (without --resume) replaces it"
                    + (trained == null ? ", another --out keeps it." : "."));
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
