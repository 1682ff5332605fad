package org.singanseg.studio.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real PolypGen pairs from ../shared/data/polypgen (CC BY 4.0, Ali et al., Scientific Data 2023),
 * falling back to the demo pair in assets/ (one of them) when the shared folder is absent.
 */
public final class TestData {
    private static final Path SHARED = Path.of("..", "shared", "data", "polypgen");

    private TestData() {
    }

    /** A small real frame (384x288). */
    public static Path smallImage() {
        return frame("EndoCV2021_C5_50000128.jpg", "images");
    }

    public static Path smallMask() {
        return frame("EndoCV2021_C5_50000128.jpg", "masks");
    }

    /** A 1920x1080 frame. */
    public static Path largeImage() {
        return frame("EndoCV2021_001407.jpg", "images");
    }

    public static Path largeMask() {
        return frame("EndoCV2021_001407.jpg", "masks");
    }

    /**
     * A PolypGen frame by file name, from {@code images} or {@code masks}; the demo pair's image
     * or mask when the shared folder is absent.
     */
    public static Path frame(String name, String folder) {
        Path shared = SHARED.resolve(folder).resolve(name);
        if (Files.isRegularFile(shared)) {
            return shared;
        }
        return Path.of("assets", "demo", folder.equals("images") ? "polyp-image.jpg" : "polyp-mask.jpg");
    }
}
