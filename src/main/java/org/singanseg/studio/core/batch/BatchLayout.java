package org.singanseg.studio.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.singanseg.studio.core.io.ConfinedPaths;

/**
 * Where batch training puts things under its output folder:
 * <pre>
 *   models/NAME.singan        the pair's model (also its checkpoint while it trains)
 *   models/NAME.json          the pair's {@link PairRecord}: sources, seed, outputs
 *   images/NAME_0001.png      synthetic image 1 of the pair (8-bit RGB), ...
 *   masks/NAME_0001.png       its mask (8-bit grey, 0 = background, 255 = polyp)
 *   images/NAME_real.png      the real pair, with --with-real only
 *   masks/NAME_real.png
 *   manifest.csv              every output pair of every run and shard (see {@link BatchManifest})
 * </pre>
 * Output names are the pair name plus {@code _} and digits (or {@code _real}); pair names are
 * unique, so no two pairs' outputs can share a name.
 */
public record BatchLayout(Path root) {
    static final String MODELS = "models";
    static final String IMAGES = "images";
    static final String MASKS = "masks";
    static final String MODEL_EXTENSION = ".singan";
    static final String RECORD_EXTENSION = ".json";

    public Path modelsFolder() {
        return root.resolve(MODELS);
    }

    public Path model(String pairName) {
        return ConfinedPaths.file(modelsFolder(), pairName + MODEL_EXTENSION);
    }

    public Path record(String pairName) {
        return ConfinedPaths.file(modelsFolder(), pairName + RECORD_EXTENSION);
    }

    public Path manifest() {
        return root.resolve(BatchManifest.FILE);
    }

    /**
     * A file named by its path relative to the output folder, as records and the manifest give it;
     * refused ({@link org.singanseg.studio.core.io.UnsafePathException}) when the path leads outside.
     */
    public Path file(String relative) {
        return ConfinedPaths.under(root, relative);
    }

    /** True when the folder is where this layout writes images or masks. */
    boolean isOutputFolder(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        return normal.equals(file(IMAGES).toAbsolutePath().normalize())
                || normal.equals(file(MASKS).toAbsolutePath().normalize());
    }

    /** True when both files of an output pair are on disk. */
    boolean hasFiles(String image, String mask) {
        return Files.isRegularFile(file(image)) && Files.isRegularFile(file(mask));
    }

    static String modelPath(String pairName) {
        return MODELS + "/" + pairName + MODEL_EXTENSION;
    }

    static String imagePath(String outputName) {
        return IMAGES + "/" + outputName + ".png";
    }

    static String maskPath(String outputName) {
        return MASKS + "/" + outputName + ".png";
    }

    /** Sample 1, 2, ... of a pair: NAME_0001 (more digits past 9999). */
    static String sampleName(String pairName, int index) {
        return String.format(Locale.ROOT, "%s_%04d", pairName, index);
    }

    static String realName(String pairName) {
        return pairName + "_real";
    }
}
