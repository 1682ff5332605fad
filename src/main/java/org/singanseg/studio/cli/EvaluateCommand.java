package org.singanseg.studio.cli;

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
import org.singanseg.studio.core.eval.EvaluationSummary;
import org.singanseg.studio.core.eval.SourceGroup;
import org.singanseg.studio.core.eval.TrainingBudget;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.seg.SegmentationModel;
import org.singanseg.studio.core.seg.SegmentationSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Does the synthetic data help? Trains segmentation U-Nets and scores them on real images "
                + "they never saw.",
                "With --test DIR (held-out): --repeats independent draws of --small-n real pairs (each with the "
                        + "synthetic pairs made from exactly those), each trained without and with its synthetic "
                        + "pairs and tested on every pair of DIR.",
                "Without: cross-validation over the real pairs: per fold the real training pairs only, the "
                        + "synthetic pairs made from them only, both, and n of them with and without their synthetic "
                        + "pairs, tested on the fold's held-out real pairs.",
                "Prints Dice loss, IoU, F1, precision, recall and accuracy per setting and fold or draw, the mean "
                        + "and standard deviation, and the gain of adding synthetic pairs with a 95%% bootstrap "
                        + "confidence interval; writes them to --out, --out's -images.csv and -summary.txt."},
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

    @Option(names = "--test", description = "Held-out real test pairs (images/ and masks/ inside), never trained "
            + "on; none may be a real or synthetic training image.")
    Path test;

    @Option(names = "--repeats", defaultValue = "3", description = "With --test: independent draws of the small-data "
            + "real pairs, each with its own U-Net seed; no two draws share a real pair (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--folds", defaultValue = "3", description = "Without --test: cross-validation folds "
            + "(default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--budget", defaultValue = "steps", description = "steps: every model takes as many optimiser "
            + "steps as --epochs over the largest training set need; epochs: every model trains --epochs over its own "
            + "pairs, the paper's protocol; both (with --test): one run answers for both budgets, the models with "
            + "synthetic pairs being the same under either (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--min-mask-area", defaultValue = "1", description = "Leave out synthetic pairs whose mask covers "
            + "less than this percentage of the image, or less than half their real mask's share where the real "
            + "polyp is smaller than twice it (0 keeps all; default: ${DEFAULT-VALUE}).")
    double minMaskArea;

    @Option(names = "--size", defaultValue = "128", description = "Images and masks are resized to this square size "
            + "for training and scoring; a multiple of 8 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--epochs", defaultValue = "40", description = "Training epochs of each model "
            + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--model", defaultValue = "unet", description = "The segmentation network: unet, a U-Net, or "
            + "unetpp, UNet++ (Zhou et al. 2018; nested decoders with dense skip connections, the network the "
            + "SinGAN-Seg paper measured with; slower), both of depth 4 and width 16 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--no-augment", description = "Train without flips, rotations, zoom and colour jitter, to see "
            + "how much of the synthetic pairs' gain augmentation already gives.")
    boolean noAugment;

    @Option(names = "--small-n", defaultValue = "5", description = "Real pairs of the small-data settings, drawn from "
            + "each fold's training pairs (default: ${DEFAULT-VALUE}).")
    int smallN;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold split and the small-data draw "
            + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--unet-seed", defaultValue = "1", description = "Seed of the U-Nets' weights, sample order and "
            + "augmentations; fold or draw k uses this + k - 1, the same for each of its settings "
            + "(default: ${DEFAULT-VALUE}).")
    long unetSeed;

    @Option(names = "--unet-seeds", defaultValue = "1", description = "U-Nets per setting and fold or draw, each with "
            + "its own seed (--unet-seed + k - 1, then + 1000 for each further one): more average out the luck of "
            + "one network's start (default: ${DEFAULT-VALUE}).")
    int unetSeeds;

    @Option(names = "--out", defaultValue = "evaluation.csv", description = "The CSV file to write "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        // Hours of training must not end in an unwritable place.
        OutputPlaces.checkFile(out);
        SegmentationSettings segmentation = SegmentationSettings.defaults().withModel(SegmentationModel.parse(model))
                .withSize(size).withEpochs(epochs).withSeed(unetSeed).withAugment(!noAugment);
        if (!Double.isFinite(minMaskArea)) {
            throw new IllegalArgumentException("--min-mask-area must be a percentage from 0 to 100, got " + minMaskArea
                    + ".");
        }
        EvaluationOptions options = EvaluationOptions.defaults().withFolds(folds).withSmallN(smallN).withSplitSeed(seed)
                .withSegmentation(segmentation).withDraws(repeats).withBudget(TrainingBudget.parse(budget))
                .withMinMaskCoverage(minMaskArea / 100).withModelSeeds(unetSeeds).validated();
        EvaluationData data = realData(options.minMaskCoverage());
        TrainBatchCommand.list("Skipped files", data.skipped());
        EvaluationPlan plan = EvaluationPlan.of(data, options);
        describe(plan);

        EvaluationResult result;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            result = new Evaluation(plan, new EvaluationConsole(System.out, System.console() != null, options,
                    data.heldOut() ? "draw" : "fold"), cancel)
                    .run();
        } catch (CancellationException e) {
            System.out.println("Stopped; nothing written.");
            return TrainCommand.CANCELLED;
        }
        System.out.println();
        EvaluationTable.print(System.out, result);
        System.out.println();
        System.out.println(EvaluationSummary.text(result));
        EvaluationCsv.write(out, result);
        System.out.println("Written to " + out.toAbsolutePath() + ", " + EvaluationCsv.imagesFile(out).getFileName()
                + " and " + EvaluationCsv.summaryFile(out).getFileName());
        return 0;
    }

    private EvaluationData realData(double minMaskCoverage) throws Exception {
        boolean explicit = realImages != null || realMasks != null;
        if ((real != null) == explicit || (explicit && (realImages == null || realMasks == null))) {
            throw new IllegalArgumentException("Give the real pairs either as --real DIR (with images/ and masks/ "
                    + "inside) or as --real-images DIR --real-masks DIR.");
        }
        return explicit ? EvaluationData.find(realImages, realMasks, synthetic, test, minMaskCoverage)
                : EvaluationData.find(real, synthetic, test, minMaskCoverage);
    }

    private static void describe(EvaluationPlan plan) {
        EvaluationOptions options = plan.options();
        EvaluationData data = plan.data();
        System.out.printf(Locale.ROOT, "%d real pairs with %d synthetic pairs made from them (%d left out for a mask "
                        + "under %.1f%% of the image, or under half the real mask's share for a smaller polyp)%s; "
                        + "%d %s (split seed %d), %d settings%s: %d models%n",
                data.realPairs(), data.syntheticPairs(), data.droppedSynthetic(), 100 * options.minMaskCoverage(),
                data.withoutSynthetic() > 0 ? "; " + data.withoutSynthetic() + " real pairs without synthetic pairs "
                        + "are not drawn" : "", plan.folds().size(), data.heldOut() ? "draws" : "folds",
                options.splitSeed(), plan.runs().size() / plan.folds().size() / options.modelSeeds(),
                options.modelSeeds() == 1 ? "" : ", " + options.modelSeeds() + " U-Net seeds each", plan.runs().size());
        System.out.println("Each model: " + options.segmentation().describe() + "; budget " + options.budget().id()
                + ", steps per model: " + plan.runs().stream().map(plan::steps).distinct().map(String::valueOf)
                .collect(Collectors.joining(" or ")));
        for (FoldSplit.Fold fold : plan.folds()) {
            if (data.heldOut()) {
                System.out.printf(Locale.ROOT, "Draw %d: %s; tested on the %d test pairs%n", fold.number(),
                        names(fold.small()), fold.test().size());
            } else {
                System.out.printf(Locale.ROOT, "Fold %d tests on %s; small data: %s%n", fold.number(),
                        names(fold.test()), names(fold.small()));
            }
        }
    }

    private static String names(List<SourceGroup> groups) {
        return groups.stream().map(SourceGroup::name).collect(Collectors.joining(", "));
    }
}
