package org.singanseg.studio.testing;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Input folders for batch tests: three usable real pairs whose masks use each naming rule
 * ({@code a.jpg}, {@code b_mask.jpg}, {@code c-mask.jpg}), a pair {@code bad} whose mask has another
 * size, an image {@code lonely.jpg} with no mask and a text file. PolypGen frames where present,
 * else the demo pair under each name.
 */
public final class BatchData {
    /** The usable pairs, in name order. */
    public static final List<String> GOOD = List.of("a", "b", "c");
    private static final String[] FRAMES = {"EndoCV2021_C5_50000128.jpg", "EndoCV2021_001327.jpg",
            "C3_EndoCV2021_00482.jpg"};

    /** The images and masks folders. */
    public record Folders(Path images, Path masks) {
    }

    private BatchData() {
    }

    public static Folders create(Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("in-images"));
        Path masks = Files.createDirectories(dir.resolve("in-masks"));
        String[] maskNames = {"a.jpg", "b_mask.jpg", "c-mask.jpg"};
        for (int i = 0; i < GOOD.size(); i++) {
            Files.copy(TestData.frame(FRAMES[i], "images"), images.resolve(GOOD.get(i) + ".jpg"));
            Files.copy(TestData.frame(FRAMES[i], "masks"), masks.resolve(maskNames[i]));
        }
        Files.copy(TestData.frame(FRAMES[0], "images"), images.resolve("bad.jpg"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY), "png", masks.resolve("bad.png").toFile());
        Files.copy(TestData.frame(FRAMES[0], "images"), images.resolve("lonely.jpg"));
        Files.writeString(images.resolve("notes.txt"), "not an image");
        return new Folders(images, masks);
    }
}
