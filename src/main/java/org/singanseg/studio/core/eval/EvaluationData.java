package org.singanseg.studio.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.singanseg.studio.core.batch.BatchInputs;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.batch.SkippedInput;
import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Masks;

/**
 * The pairs an evaluation works on: the real pairs of an images and a masks folder, matched as
 * train-batch matches its input ({@link BatchInputs}), each with the synthetic pairs made from it,
 * and, for a held-out evaluation, the real pairs of a test folder. A synthetic pair belongs to the
 * real pair whose image has the file name its manifest gives ({@link SyntheticManifest}), and that
 * image must have the SHA-256 the manifest gives, so that synthetic pairs made from another file
 * of the same name are never taken for its.
 *
 * <p>Every synthetic pair must come from one of the real pairs. Cross-validation needs synthetic
 * pairs for every real pair (otherwise the settings would not train on the same real images); a
 * held-out evaluation draws only from the real pairs that have some and leaves the others out. No
 * test image may be, by its bytes, one of the real images or synthetic pairs: a model would then
 * be tested on what it trained on. Synthetic pairs whose mask covers less than the options' share
 * (or, for a real polyp smaller than twice that share, less than half the real mask's share: the
 * floor train-batch draws again under, {@link MaskFloor}) are dropped here, so that every setting
 * sees the same ones.
 *
 * @param test              the held-out test pairs; empty for cross-validation
 * @param skipped           files of the real and test folders that are not pairs (listed, not fatal)
 * @param withoutSynthetic  real pairs of a held-out evaluation left out for having no synthetic pairs
 * @param droppedSynthetic  synthetic pairs left out for a mask under the floor
 */
public record EvaluationData(List<SourceGroup> groups, List<BatchPair> test, List<SkippedInput> skipped,
                             int withoutSynthetic, int droppedSynthetic) {
    /** The sub-folders of a real dataset folder, as train-batch and export write them. */
    public static final String IMAGES = "images";
    public static final String MASKS = "masks";
    private static final int NAMES_SHOWN = 5;

    public EvaluationData {
        groups = List.copyOf(groups);
        test = List.copyOf(test);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param realFolder  with {@code images/} and {@code masks/}
     * @param testFolder  with {@code images/} and {@code masks/}, or null to cross-validate
     */
    public static EvaluationData find(Path realFolder, Path syntheticFolder, Path testFolder, double minMaskCoverage)
            throws InvalidInputException, IOException {
        return find(realFolder.resolve(IMAGES), realFolder.resolve(MASKS), syntheticFolder, testFolder,
                minMaskCoverage);
    }

    public static EvaluationData find(Path realImages, Path realMasks, Path syntheticFolder, Path testFolder,
                                      double minMaskCoverage) throws InvalidInputException, IOException {
        BatchInputs inputs = pairs(realImages, realMasks);
        BatchInputs testInputs = testFolder == null ? null : pairs(testFolder.resolve(IMAGES), testFolder.resolve(MASKS));
        Map<String, BatchPair> realByFile = new LinkedHashMap<>();
        inputs.pairs().forEach(p -> realByFile.put(p.image().getFileName().toString(), p));

        List<SyntheticPair> allSynthetic = SyntheticManifest.read(syntheticFolder);
        Map<String, List<SyntheticPair>> synthetic = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (SyntheticPair pair : allSynthetic) {
            if (realByFile.containsKey(pair.sourceImage())) {
                synthetic.computeIfAbsent(pair.sourceImage(), s -> new ArrayList<>()).add(pair);
            } else {
                unknown.add(pair.sourceImage());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("The manifest of " + syntheticFolder + " lists synthetic pairs made from "
                    + unknown.size() + " image(s) that are not among the real pairs of " + realImages + ": "
                    + names(unknown) + ". Evaluate with the real pairs the synthetic ones were made from.");
        }
        checkSources(synthetic, realByFile, realImages);

        List<SourceGroup> groups = new ArrayList<>();
        TreeSet<String> without = new TreeSet<>();
        int dropped = 0;
        MaskFloor maskFloor = new MaskFloor(minMaskCoverage);
        for (BatchPair real : inputs.pairs()) {
            List<SyntheticPair> made = synthetic.getOrDefault(real.image().getFileName().toString(), List.of());
            if (made.isEmpty()) {
                without.add(real.image().getFileName().toString());
                continue;
            }
            double floor = maskFloor.coverageFor(maskCoverage(real.mask()));
            List<SyntheticPair> kept = made.stream().filter(p -> p.maskCoverage() >= floor).toList();
            dropped += made.size() - kept.size();
            groups.add(new SourceGroup(real, kept));
        }
        if (testInputs == null && !without.isEmpty()) {
            throw new InvalidInputException(without.size() + " real pair(s) have no synthetic pairs in "
                    + syntheticFolder + ": " + names(without) + ". Run train-batch on them too, or leave them out "
                    + "of the real pairs, so that every setting trains on the same real images.");
        }
        List<SkippedInput> skipped = new ArrayList<>(inputs.skipped());
        if (testInputs != null) {
            checkHeldOut(testInputs.pairs(), inputs.pairs(), allSynthetic, testFolder);
            skipped.addAll(testInputs.skipped());
        }
        return new EvaluationData(groups, testInputs == null ? List.of() : testInputs.pairs(), skipped,
                without.size(), dropped);
    }

    /** The share of its image a real mask covers, as training measures it. */
    private static double maskCoverage(Path mask) throws InvalidInputException {
        return Masks.coverage(Masks.fromMaskImage(ImageFiles.read(mask)));
    }

    private static BatchInputs pairs(Path images, Path masks) throws InvalidInputException, IOException {
        BatchInputs inputs = BatchInputs.scan(images, masks);
        if (inputs.pairs().isEmpty()) {
            throw new InvalidInputException("No image in " + images + " has a mask in " + masks + ". Masks are "
                    + "matched by base name: abc.jpg goes with abc.png, abc_mask.png or abc-mask.png (any image type).");
        }
        return inputs;
    }

    /** No test image may have the bytes of a real image or of a synthetic pair's image. */
    private static void checkHeldOut(List<BatchPair> test, List<BatchPair> real, List<SyntheticPair> synthetic,
                                     Path testFolder) throws IOException, InvalidInputException {
        Map<String, String> trainingByHash = new LinkedHashMap<>();
        for (BatchPair pair : real) {
            trainingByHash.put(FileHash.sha256(pair.image()), "the real image " + pair.image());
        }
        for (SyntheticPair pair : synthetic) {
            trainingByHash.put(pair.sourceSha256().toLowerCase(Locale.ROOT), "the real image "
                    + pair.sourceImage() + " that synthetic pairs were made from");
            trainingByHash.put(FileHash.sha256(pair.image()), "the synthetic image " + pair.image());
        }
        TreeSet<String> overlaps = new TreeSet<>();
        for (BatchPair pair : test) {
            String same = trainingByHash.get(FileHash.sha256(pair.image()));
            if (same != null) {
                overlaps.add(pair.image().getFileName() + " (the same file as " + same + ")");
            }
        }
        if (!overlaps.isEmpty()) {
            throw new InvalidInputException(overlaps.size() + " test image(s) of " + testFolder + " are also training "
                    + "images: " + names(overlaps) + ". A model would be scored on what it trained on. Take them out "
                    + "of the test folder, or out of the real pairs and their synthetic pairs.");
        }
    }

    /** The synthetic pairs' real images must be the very files they were made from. */
    private static void checkSources(Map<String, List<SyntheticPair>> synthetic, Map<String, BatchPair> realByFile,
                                     Path realImages) throws IOException, InvalidInputException {
        TreeSet<String> changed = new TreeSet<>();
        for (Map.Entry<String, List<SyntheticPair>> entry : synthetic.entrySet()) {
            String sha = FileHash.sha256(realByFile.get(entry.getKey()).image());
            if (entry.getValue().stream().anyMatch(p -> !sha.equalsIgnoreCase(p.sourceSha256()))) {
                changed.add(entry.getKey());
            }
        }
        if (!changed.isEmpty()) {
            throw new InvalidInputException("The synthetic pairs of " + names(changed) + " were made from other files "
                    + "of the same name: the SHA-256 in the manifest differs from that of the image in " + realImages
                    + ". Evaluate with the real pairs the synthetic ones were made from.");
        }
    }

    /** Whether the models are tested on a held-out test set rather than cross-validated. */
    public boolean heldOut() {
        return !test.isEmpty();
    }

    public int realPairs() {
        return groups.size();
    }

    public int syntheticPairs() {
        return groups.stream().mapToInt(g -> g.synthetic().size()).sum();
    }

    /** The first few names, and how many more. */
    private static String names(TreeSet<String> names) {
        List<String> shown = names.stream().limit(NAMES_SHOWN).toList();
        String more = names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
