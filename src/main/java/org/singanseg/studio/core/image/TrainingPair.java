package org.singanseg.studio.core.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A real image (RGB in [0, 1]) and its binary polyp mask of the same size, validated for training.
 * The mask comes from its own file (bright = polyp, thresholded at 128 over the maximum of its
 * colour channels, which also removes JPEG ringing) or from the image's alpha channel.
 */
public record TrainingPair(Planes rgb, boolean[] mask, String imageName) {
    public static final int MIN_SIDE = 25;

    public int height() {
        return rgb.height();
    }

    public int width() {
        return rgb.width();
    }

    /** Fraction of pixels inside the mask. */
    public double coverage() {
        return Masks.coverage(mask);
    }

    /**
     * Reads a pair and checks it for training a SinGAN model: see {@link #read} and {@link #validated}.
     *
     * @param maskFile the mask, or null to use the image's alpha channel (SinGAN-Seg's RGBA input)
     */
    public static TrainingPair load(Path imageFile, Path maskFile) throws InvalidInputException {
        return validated(read(imageFile, maskFile));
    }

    /**
     * Reads a pair whose mask has the image's size, whatever the mask covers: an empty mask is a
     * valid answer for a segmentation network (a synthetic frame may show no polyp), though not
     * something to train a SinGAN model on.
     *
     * @param maskFile the mask, or null to use the image's alpha channel (SinGAN-Seg's RGBA input)
     */
    public static TrainingPair read(Path imageFile, Path maskFile) throws InvalidInputException {
        Planes image = ImageFiles.read(imageFile);
        boolean[] mask;
        if (maskFile == null) {
            if (!Masks.hasAlpha(image)) {
                throw new InvalidInputException(imageFile.getFileName() + " has no alpha channel to use as the mask. "
                        + "Give a mask file as well, or an RGBA PNG whose alpha marks the polyp.");
            }
            mask = Masks.fromAlpha(image);
        } else {
            Planes maskPlanes = ImageFiles.read(maskFile);
            if (maskPlanes.height() != image.height() || maskPlanes.width() != image.width()) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "The mask is %dx%d pixels but the image is %dx%d. Use the mask made for this image, "
                                + "or resize the mask to the image's size.",
                        maskPlanes.width(), maskPlanes.height(), image.width(), image.height()));
            }
            mask = Masks.fromMaskImage(maskPlanes);
        }
        return new TrainingPair(toRgb(image), mask, imageFile.getFileName().toString());
    }

    /** Checks size and mask coverage; returns the pair unchanged when it is usable. */
    public static TrainingPair validated(TrainingPair pair) throws InvalidInputException {
        if (Math.min(pair.height(), pair.width()) < MIN_SIDE) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "The image is %dx%d pixels; its shorter side must be at least %d pixels. Use a larger image.",
                    pair.width(), pair.height(), MIN_SIDE));
        }
        double coverage = pair.coverage();
        if (coverage == 0) {
            throw new InvalidInputException("The mask is empty: no pixel is marked as polyp (bright). "
                    + "Draw or import a mask that marks the polyp.");
        }
        if (coverage == 1) {
            throw new InvalidInputException("The mask covers the whole image (100%): the model needs background "
                    + "as well as polyp. Check that the mask is not inverted (polyp must be white).");
        }
        return pair;
    }

    /**
     * The pair at another size: the image resized bicubically with antialiasing, the mask the same
     * way as a 0/1 plane and then thresholded at 0.5, so it stays aligned with the image. The pair
     * itself when the size already matches.
     */
    public TrainingPair resized(int newHeight, int newWidth) {
        if (newHeight == height() && newWidth == width()) {
            return this;
        }
        float[] plane = new float[mask.length];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = mask[i] ? 1 : 0;
        }
        float[] resizedPlane = Resize.bicubic(new Planes(1, height(), width(), new float[][]{plane}), newHeight,
                newWidth).plane(0);
        boolean[] resizedMask = new boolean[resizedPlane.length];
        for (int i = 0; i < resizedMask.length; i++) {
            resizedMask[i] = resizedPlane[i] > 0.5f;
        }
        return new TrainingPair(Resize.bicubic(rgb, newHeight, newWidth), resizedMask, imageName);
    }

    /** Grey becomes three equal channels; alpha is dropped. */
    public static Planes toRgb(Planes image) {
        if (image.channels() >= 3) {
            return new Planes(3, image.height(), image.width(), java.util.Arrays.copyOf(image.data(), 3));
        }
        float[] grey = image.plane(0);
        return new Planes(3, image.height(), image.width(), new float[][]{grey, grey.clone(), grey.clone()});
    }
}
