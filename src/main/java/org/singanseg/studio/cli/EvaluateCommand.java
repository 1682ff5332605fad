package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.singanseg.studio.core.eval.Evaluation;
import org.singanseg.studio.core.eval.EvaluationCsv;
import org.singanseg.studio.core.eval.EvaluationData;
import org.singanseg.studio.core.eval.EvaluationOptions;
import org.singanseg.studio.core.eval.EvaluationPlan;
import org.singanseg.studio.core.eval.EvaluationResult;
import org.singanseg.studio.core.eval.FoldSplit;
import org.singanseg.studio.core.eval.SourceGroup;
import org.singanseg.studio.core.seg.SegmentationSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Does the synthetic data help? Cross-validates a segmentation U-Net over the real pairs: "
                + "per fold it trains on the real training pairs only, on the synthetic pairs made from them only, "
                + "on both, and on n of the real training pairs with and without their synthetic pairs; every "
                + "model is tested on the fold's held-out real pairs.",
                "Prints Dice loss, IoU, F1, precision, recall and accuracy per setting and fold with the mean and "
                        + "standard deviation over folds, and writes them to --out."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"  0:evaluated; the table is printed and --out written",
                "  2:bad options, folders or files (the message says which)", "130:stopped (Ctrl+C); nothing written",
                "  1:an unexpected error (see the log)"})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--real", description = "Folder of the real pairs, with images/ and masks/ sub-folders "
            + "(matched by base name as in train-batch).")
    Path real;

    @Option(names = "--real-images", description = "Folder of the real images, instead of --real.")
    Path realImages;

    @Option(names = "--real-masks", description = "Folder of their masks (may be --real-images), instead of --real.")
    Path realMasks;

    @Option(names = "--synthetic", required = true, description = "A train-batch output folder; its manifest.csv "
            + "says which real image each synthetic pair was made from.")
    Path synthetic;

    @Option(names = "--folds", defaultValue = "3", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--size", defaultValue = "128", description = "Images and masks are resized to this square size "
            + "for training and scoring; a multiple of 8 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--epochs", defaultValue = "40", description = "Training epochs of each model "
            + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--small-n", defaultValue = "5", description = "Real pairs of the small-data settings, drawn from "
            + "each fold's training pairs (default: ${DEFAULT-VALUE}).")
    int smallN;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold split and the small-data draw "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--unet-seed", defaultValue = "1", description = "Seed of the U-Nets' weights, sample order and "
            + "flips, the same for every model (default: ${DEFAULT-VALUE}).")
    long unetSeed;

    @Option(names = "--out", defaultValue = "evaluation.csv", description = "The CSV file to write "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; give a file name such as "
                    + out.resolve("evaluation.csv") + ".");
        }
        SegmentationSettings segmentation = SegmentationSettings.defaults().withSize(size).withEpochs(epochs)
                .withSeed(unetSeed);
        EvaluationOptions options = new EvaluationOptions(folds, smallN, seed, segmentation).validated();
        EvaluationData data = realData();
        TrainBatchCommand.list("Skipped files", data.skipped());
        EvaluationPlan plan = EvaluationPlan.of(data, options);
        describe(plan);

        EvaluationResult result;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            result = new Evaluation(plan, new EvaluationConsole(System.out, System.console() != null, smallN), cancel)
                    .run();
        } catch (CancellationException e) {
            System.out.println("Stopped; nothing written.");
            return TrainCommand.CANCELLED;
        }
        System.out.println();
        EvaluationTable.print(System.out, result);
        EvaluationCsv.write(out, result);
        System.out.println("Written to " + out.toAbsolutePath());
        return 0;
    }

    private EvaluationData realData() throws Exception {
        boolean explicit = realImages != null || realMasks != null;
        if ((real != null) == explicit || (explicit && (realImages == null || realMasks == null))) {
            throw new IllegalArgumentException("Give the real pairs either as --real DIR (with images/ and masks/ "
                    + "inside) or as --real-images DIR --real-masks DIR.");
        }
        return explicit ? EvaluationData.find(realImages, realMasks, synthetic) : EvaluationData.find(real, synthetic);
    }

    private static void describe(EvaluationPlan plan) {
        EvaluationOptions options = plan.options();
        System.out.printf(Locale.ROOT, "%d real pairs with %d synthetic pairs made from them; %d folds (split seed %d),"
                        + " %d settings: %d models%n", plan.data().realPairs(), plan.data().syntheticPairs(),
                options.folds(), options.splitSeed(), plan.runs().size() / plan.folds().size(), plan.runs().size());
        System.out.println("Each model: " + options.segmentation().describe());
        for (FoldSplit.Fold fold : plan.folds()) {
            System.out.printf(Locale.ROOT, "Fold %d tests on %s; small data: %s%n", fold.number(), names(fold.test()),
                    names(fold.small()));
        }
    }

    private static String names(List<SourceGroup> groups) {
        return groups.stream().map(SourceGroup::name).collect(Collectors.joining(", "));
    }
}
