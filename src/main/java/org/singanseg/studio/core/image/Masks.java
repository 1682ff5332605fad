package org.singanseg.studio.core.image;

/** Binary masks from image files, and figures about them. */
public final class Masks {
    /** A mask pixel is polyp when the brightest of its colour channels reaches 128 of 255. */
    private static final float THRESHOLD = 128f / 255f;

    private Masks() {
    }

    /**
     * The mask drawn in a mask image: bright = polyp, thresholded over the maximum of the colour
     * channels (which also removes JPEG ringing). An alpha channel is ignored.
     */
    public static boolean[] fromMaskImage(Planes maskImage) {
        int colour = hasAlpha(maskImage) ? maskImage.channels() - 1 : maskImage.channels();
        return threshold(maskImage, colour);
    }

    /** The mask carried in an image's alpha channel (SinGAN-Seg's RGBA input). */
    public static boolean[] fromAlpha(Planes image) {
        if (!hasAlpha(image)) {
            throw new IllegalArgumentException("image has no alpha channel");
        }
        Planes alpha = new Planes(1, image.height(), image.width(), new float[][]{image.plane(image.channels() - 1)});
        return threshold(alpha, 1);
    }

    /** Grey + alpha and RGBA images; the decoder gives 2 and 4 planes for those only. */
    public static boolean hasAlpha(Planes image) {
        return image.channels() == 2 || image.channels() == 4;
    }

    private static boolean[] threshold(Planes planes, int channels) {
        boolean[] mask = new boolean[planes.height() * planes.width()];
        for (int i = 0; i < mask.length; i++) {
            float max = 0;
            for (int c = 0; c < channels; c++) {
                max = Math.max(max, planes.plane(c)[i]);
            }
            mask[i] = max >= THRESHOLD;
        }
        return mask;
    }

    /** Fraction of pixels inside the mask. */
    public static double coverage(boolean[] mask) {
        int inside = 0;
        for (boolean b : mask) {
            if (b) {
                inside++;
            }
        }
        return (double) inside / mask.length;
    }
}
