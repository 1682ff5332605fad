package org.singanseg.studio.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.singanseg.studio.core.image.InvalidInputException;

/**
 * The image/mask pairs of an images folder and a masks folder, matched by base name (the file name
 * without its extension): the image {@code abc.jpg} goes with the mask {@code abc.*},
 * {@code abc_mask.*} or {@code abc-mask.*}, any image extension, the suffix in any case. Only image
 * files count (PNG, JPEG, BMP, TIFF by extension); hidden files and sub-folders are ignored. When
 * both folders are the same, only the suffixed names are masks.
 *
 * <p>Nothing here is fatal: an image without a mask, a mask without an image, an image with two
 * possible masks, two images of one base name and files of other types are listed in
 * {@link #skipped()} with the reason. Pairs are sorted by name (what {@link Shard} relies on).
 */
public record BatchInputs(List<BatchPair> pairs, List<SkippedInput> skipped) {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");
    static final List<String> MASK_SUFFIXES = List.of("", "_mask", "-mask");

    public BatchInputs {
        pairs = List.copyOf(pairs);
        skipped = List.copyOf(skipped);
    }

    public static BatchInputs scan(Path imagesFolder, Path masksFolder) throws InvalidInputException, IOException {
        boolean oneFolder = Files.isSameFile(folder(imagesFolder, "images"), folder(masksFolder, "masks"));
        List<SkippedInput> skipped = new ArrayList<>();
        List<Path> images = imageFiles(imagesFolder, skipped);
        List<Path> masks = oneFolder ? images : imageFiles(masksFolder, skipped);
        List<String> suffixes = oneFolder ? MASK_SUFFIXES.subList(1, MASK_SUFFIXES.size()) : MASK_SUFFIXES;

        Map<String, List<Path>> imagesByName = byName(images);
        Map<String, List<Path>> masksByName = new LinkedHashMap<>();
        for (Path mask : masks) {
            for (String name : pairNames(mask, suffixes)) {
                if (imagesByName.containsKey(name)) {
                    masksByName.computeIfAbsent(name, n -> new ArrayList<>()).add(mask);
                }
            }
        }
        Set<Path> claimedMasks = masksByName.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        if (oneFolder) {
            imagesByName = byName(images.stream().filter(f -> !claimedMasks.contains(f)).toList());
        }

        List<BatchPair> pairs = new ArrayList<>();
        Set<Path> usedMasks = new HashSet<>();
        for (Map.Entry<String, List<Path>> entry : imagesByName.entrySet()) {
            String name = entry.getKey();
            List<Path> sameName = entry.getValue();
            List<Path> candidates = masksByName.getOrDefault(name, List.of());
            if (sameName.size() > 1) {
                skipped.add(new SkippedInput(name, "several images have this base name (" + fileNames(sameName)
                        + "); rename all but one."));
            } else if (candidates.isEmpty()) {
                skipped.add(new SkippedInput(fileNames(sameName), "no mask named " + expectedMasks(name, suffixes)
                        + " in " + masksFolder + "."));
            } else if (candidates.size() > 1) {
                skipped.add(new SkippedInput(name, "several masks could be its (" + fileNames(candidates)
                        + "); keep one."));
            } else {
                pairs.add(new BatchPair(name, sameName.get(0), candidates.get(0)));
            }
            usedMasks.addAll(candidates); // listed with their image, not again as masks without one
        }
        if (!oneFolder) {
            masks.stream().filter(m -> !usedMasks.contains(m)).forEach(m -> skipped.add(new SkippedInput(
                    m.getFileName().toString(), "a mask with no image of its base name in " + imagesFolder + ".")));
        }
        skipped.sort(Comparator.comparing(SkippedInput::name));
        return new BatchInputs(pairs, skipped);
    }

    private static Path folder(Path folder, String what) throws InvalidInputException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("The " + what + " folder " + folder + " does not exist or is not a folder.");
        }
        return folder;
    }

    /** The folder's image files by name; other files are noted as skipped. */
    private static List<Path> imageFiles(Path folder, List<SkippedInput> skipped) throws IOException {
        List<Path> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                if (EXTENSIONS.contains(extension(fileName))) {
                    images.add(file);
                } else {
                    skipped.add(new SkippedInput(fileName, "not an image file (PNG, JPEG, BMP or TIFF) in " + folder + "."));
                }
            }
        }
        return images;
    }

    /** The pair names a mask file can belong to: its base name with each suffix taken off. */
    private static List<String> pairNames(Path mask, List<String> suffixes) {
        String base = baseName(mask);
        List<String> names = new ArrayList<>();
        for (String suffix : suffixes) {
            boolean ends = base.length() > suffix.length()
                    && base.regionMatches(true, base.length() - suffix.length(), suffix, 0, suffix.length());
            if (ends) {
                names.add(base.substring(0, base.length() - suffix.length()));
            }
        }
        return names;
    }

    private static Map<String, List<Path>> byName(List<Path> files) {
        Map<String, List<Path>> byName = new TreeMap<>();
        files.forEach(f -> byName.computeIfAbsent(baseName(f), n -> new ArrayList<>()).add(f));
        return byName;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String expectedMasks(String name, List<String> suffixes) {
        List<String> names = suffixes.stream().map(s -> name + s + ".*").toList();
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last);
    }

    private static String fileNames(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
    }
}
