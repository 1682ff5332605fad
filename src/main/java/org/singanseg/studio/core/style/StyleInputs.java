package org.singanseg.studio.core.style;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.singanseg.studio.core.image.InvalidInputException;

/**
 * The images of a folder of synthetic pairs, in either layout the app writes:
 * <ul>
 *   <li>{@code images/NAME.png} + {@code masks/NAME.png} (generate, exports, batch training, project samples):
 *       styled into {@code images/NAME.png} and {@code masks/NAME.png} of the output folder;</li>
 *   <li>{@code NAME_img.png} + {@code NAME_mask.png} side by side (older {@code generate} folders): styled into
 *       the same names in the output folder. Any other image {@code X} there pairs with
 *       {@code X_mask} if present.</li>
 * </ul>
 * Masks are matched by base name with any image extension; an image without a mask is styled alone.
 */
public final class StyleInputs {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");
    private static final String IMAGES = "images";
    private static final String MASKS = "masks";
    private static final String IMAGE_SUFFIX = "_img";
    private static final String MASK_SUFFIX = "_mask";

    private StyleInputs() {
    }

    public static List<StyleInput> scan(Path folder) throws InvalidInputException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("The input folder " + folder + " does not exist or is not a folder.");
        }
        List<StyleInput> inputs = new ArrayList<>();
        Path images = folder.resolve(IMAGES);
        if (Files.isDirectory(images)) {
            for (Path image : imageFiles(images)) {
                String base = baseName(image);
                Path mask = find(folder.resolve(MASKS), base);
                inputs.add(new StyleInput(image, mask, IMAGES + "/" + base + ".png",
                        mask == null ? null : MASKS + "/" + mask.getFileName()));
            }
        } else {
            for (Path image : imageFiles(folder)) {
                String base = baseName(image);
                if (base.toLowerCase(Locale.ROOT).endsWith(MASK_SUFFIX)) {
                    continue;
                }
                String pair = base.toLowerCase(Locale.ROOT).endsWith(IMAGE_SUFFIX)
                        ? base.substring(0, base.length() - IMAGE_SUFFIX.length()) : base;
                Path mask = find(folder, pair + MASK_SUFFIX);
                inputs.add(new StyleInput(image, mask, base + ".png", mask == null ? null : mask.getFileName().toString()));
            }
        }
        if (inputs.isEmpty()) {
            throw new InvalidInputException("No images (PNG, JPEG, BMP or TIFF) in " + folder
                    + " or in its images/ folder.");
        }
        return inputs;
    }

    /** The folder's image file with that base name, or null. */
    private static Path find(Path folder, String base) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        return imageFiles(folder).stream().filter(f -> baseName(f).equals(base)).findFirst().orElse(null);
    }

    private static List<Path> imageFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
                    .filter(f -> EXTENSIONS.contains(extension(f))).sorted().toList();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
