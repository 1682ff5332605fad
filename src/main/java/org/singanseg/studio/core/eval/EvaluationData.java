package org.singanseg.studio.core.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.singanseg.studio.core.batch.BatchInputs;
import org.singanseg.studio.core.batch.BatchPair;
import org.singanseg.studio.core.batch.SkippedInput;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.InvalidInputException;

/**
 * The pairs an evaluation works on: the real pairs of an images and a masks folder, matched as
 * train-batch matches its input ({@link BatchInputs}), each with the synthetic pairs made from it.
 * A synthetic pair belongs to the real pair whose image has the file name its manifest gives
 * ({@link SyntheticManifest}), and that image must have the SHA-256 the manifest gives, so that
 * synthetic pairs made from another file of the same name are never taken for its.
 *
 * <p>Every synthetic pair must come from one of the real pairs and every real pair must have
 * synthetic pairs: otherwise the settings would not train on the same real images, and the
 * user is told which files to add or leave out.
 *
 * @param skipped files of the real folders that are not pairs (listed, not fatal, as in train-batch)
 */
public record EvaluationData(List<SourceGroup> groups, List<SkippedInput> skipped) {
    /** The sub-folders of a real dataset folder, as train-batch and export write them. */
    public static final String IMAGES = "images";
    public static final String MASKS = "masks";
    private static final int NAMES_SHOWN = 5;

    public EvaluationData {
        groups = List.copyOf(groups);
        skipped = List.copyOf(skipped);
    }

    /** Real pairs from {@code realFolder/images} and {@code realFolder/masks}. */
    public static EvaluationData find(Path realFolder, Path syntheticFolder) throws InvalidInputException, IOException {
        return find(realFolder.resolve(IMAGES), realFolder.resolve(MASKS), syntheticFolder);
    }

    public static EvaluationData find(Path realImages, Path realMasks, Path syntheticFolder)
            throws InvalidInputException, IOException {
        BatchInputs inputs = BatchInputs.scan(realImages, realMasks);
        if (inputs.pairs().isEmpty()) {
            throw new InvalidInputException("No image in " + realImages + " has a mask in " + realMasks + ". Masks are "
                    + "matched by base name: abc.jpg goes with abc.png, abc_mask.png or abc-mask.png (any image type).");
        }
        Map<String, BatchPair> realByFile = new LinkedHashMap<>();
        inputs.pairs().forEach(p -> realByFile.put(p.image().getFileName().toString(), p));

        Map<String, List<SyntheticPair>> synthetic = new LinkedHashMap<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (SyntheticPair pair : SyntheticManifest.read(syntheticFolder)) {
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
        for (BatchPair real : inputs.pairs()) {
            List<SyntheticPair> made = synthetic.getOrDefault(real.image().getFileName().toString(), List.of());
            if (made.isEmpty()) {
                without.add(real.image().getFileName().toString());
            }
            groups.add(new SourceGroup(real, made));
        }
        if (!without.isEmpty()) {
            throw new InvalidInputException(without.size() + " real pair(s) have no synthetic pairs in "
                    + syntheticFolder + ": " + names(without) + ". Run train-batch on them too, or leave them out "
                    + "of the real pairs, so that every setting trains on the same real images.");
        }
        return new EvaluationData(groups, inputs.skipped());
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
