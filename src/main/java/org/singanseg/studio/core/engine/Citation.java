package org.singanseg.studio.core.engine;

/** The reference of the method the app implements, as the About box and exported datasets cite it. */
public final class Citation {
    public static final String SINGAN_SEG = "Thambawita V, Salehi P, Sheshkal SA, Hicks SA, Hammer HL, Parasa S, "
            + "et al. SinGAN-Seg: Synthetic training data generation for medical image segmentation. "
            + "PLOS ONE 17(5): e0267976 (2022). https://doi.org/10.1371/journal.pone.0267976";

    private Citation() {
    }
}
