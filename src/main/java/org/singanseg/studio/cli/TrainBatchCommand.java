package org.singanseg.studio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.singanseg.studio.core.batch.BatchInputs;
import org.singanseg.studio.core.batch.BatchLayout;
import org.singanseg.studio.core.batch.BatchOptions;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.batch.BatchSummary;
import org.singanseg.studio.core.batch.BatchTrainer;
import org.singanseg.studio.core.batch.PairOutcome;
import org.singanseg.studio.core.batch.Shard;
import org.singanseg.studio.core.batch.SkippedInput;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.OutputPlaces;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train-batch", mixinStandardHelpOptions = true,
        description = {"Trains one model per image/mask pair of two folders (matched by base name: abc.jpg with "
                + "abc.*, abc_mask.* or abc-mask.*), then writes K synthetic pairs of each into --out: "
                + "models/NAME.singan, images/NAME_0001.png, masks/NAME_0001.png and manifest.csv over all outputs.",
                "Unmatched files and unusable pairs are listed and skipped. Run it again to continue after a stop: "
                        + "finished pairs are skipped, a half-trained model resumes from its last scale."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"  0:at least one pair of this shard is complete (skipped ones are listed), or the shard "
                + "has no pairs", "  2:bad options or folders, or no pair of this shard could be used",
                "130:stopped (Ctrl+C); run the same command again to continue", "  1:an unexpected error (see the log)"})
public final class TrainBatchCommand implements Callable<Integer> {

    @Option(names = "--images", required = true, description = "Folder of the real images.")
    Path images;

    @Option(names = "--masks", required = true, description = "Folder of their masks (white = polyp); may be --images.")
    Path masks;

    @Option(names = "--out", required = true, description = "Output folder; shards of one dataset share it.")
    Path out;

    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--samples-per-image", defaultValue = "10",
            description = "Synthetic pairs per real pair (default: ${DEFAULT-VALUE}).")
    int samplesPerImage;

    @Mixin
    MaskFloorOption maskFloorOption;

    @Option(names = "--shard", defaultValue = "0/1", description = "k/N: this run takes every N-th pair in name "
            + "order, starting at k (0-based), so N machines share the dataset (default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--with-real", description = "Also put each real pair among the outputs (NAME_real.png).")
    boolean withReal;

    @Override
    public Integer call() throws Exception {
        Shard part = Shard.parse(shard);
        OutputPlaces.checkFolder(out);
        BatchOptions options = new BatchOptions(out, settingsOptions.resolve(), samplesPerImage, withReal,
                maskFloorOption.floor());
        BatchInputs inputs = BatchInputs.scan(images, masks);
        list("Skipped files", inputs.skipped());
        if (inputs.pairs().isEmpty()) {
            throw new InvalidInputException("No image in " + images + " has a mask in " + masks + ". Masks are "
                    + "matched by base name: abc.jpg goes with abc.png, abc_mask.png or abc-mask.png (any image type).");
        }
        List<BatchPair> mine = part.select(inputs.pairs());
        System.out.printf(Locale.ROOT, "%d pair%s in %s; shard %s takes %d, %d sample%s each, into %s%n",
                inputs.pairs().size(), inputs.pairs().size() == 1 ? "" : "s", images, part, mine.size(),
                samplesPerImage, samplesPerImage == 1 ? "" : "s", out.toAbsolutePath());
        System.out.println("Settings: " + options.settings().describe() + " (each pair trains with its own seed, "
                + "made from this one and its name)");

        BatchSummary summary;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            BatchTrainer trainer = new BatchTrainer(options, new BatchConsole(System.out, System.console() != null),
                    cancel);
            summary = Output.writingInto(out, () -> trainer.run(mine));
        } catch (CancellationException e) {
            System.out.println("Stopped. Finished scales and samples are kept; run the same command again to continue.");
            return TrainCommand.CANCELLED;
        }
        report(summary, inputs.skipped());
        return summary.results().isEmpty() && !mine.isEmpty() ? UserErrors.USER_ERROR : 0;
    }

    private void report(BatchSummary summary, List<SkippedInput> skippedFiles) {
        System.out.printf(Locale.ROOT, "Done in %s: %d trained, %d resumed, %d with missing outputs made, "
                        + "%d already complete, %d skipped; %d sample%s written.%n",
                ConsoleProgress.duration(summary.seconds()), summary.count(PairOutcome.TRAINED),
                summary.count(PairOutcome.RESUMED), summary.count(PairOutcome.SAMPLED),
                summary.count(PairOutcome.COMPLETE), summary.skipped().size(), summary.samplesWritten(),
                summary.samplesWritten() == 1 ? "" : "s");
        list("Skipped pairs", summary.skipped());
        if (!skippedFiles.isEmpty()) {
            System.out.println("Skipped files: " + skippedFiles.size() + ", listed at the start.");
        }
        System.out.printf("Manifest: %s lists %d pair%s (of every run and shard so far).%n",
                new BatchLayout(out).manifest().toAbsolutePath(), summary.manifestRows(),
                summary.manifestRows() == 1 ? "" : "s");
    }

    /** Lists skipped files or pairs with the reason, under a heading; nothing when there are none. */
    static void list(String heading, List<SkippedInput> skipped) {
        if (!skipped.isEmpty()) {
            System.out.println(heading + " (" + skipped.size() + "):");
            skipped.forEach(s -> System.out.println("  " + s.name() + ": " + s.reason()));
        }
    }
}
