package org.singanseg.studio.core.samples;

import java.io.IOException;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.mask.MaskRaster;

/**
 * Stores generated pairs in a catalog: image, binary mask and thumbnail files (each written
 * atomically), then the record with the pair's figures. The catalog itself is saved by the caller.
 */
public final class SampleWriter {
    private final SampleCatalog catalog;
    private final String modelName;
    private final ToDoubleFunction<Planes> distanceToReal;

    /**
     * @param distanceToReal patch distance of an RGB image in [0, 1] to the real image
     */
    public SampleWriter(SampleCatalog catalog, String modelName, ToDoubleFunction<Planes> distanceToReal) {
        this.catalog = catalog;
        this.modelName = modelName;
        this.distanceToReal = distanceToReal;
    }

    /** How a sample was drawn from the model. */
    public record Origin(long seed, long index, int startScale, double scaleH, double scaleV, String style) {

        /** The origin of an existing sample, e.g. of its styled copy. */
        public static Origin of(SampleRecord record) {
            return new Origin(record.seed(), record.index(), record.startScale(), record.scaleH(), record.scaleV(),
                    record.style());
        }

        public Origin withStyle(String newStyle) {
            return new Origin(seed, index, startScale, scaleH, scaleV, newStyle);
        }
    }

    public SampleRecord write(SamplePair pair, Origin origin) throws IOException {
        String name = catalog.newName();
        int width = pair.rgb().width();
        int height = pair.rgb().height();
        PngFiles.write(PngFiles.rgb(pair.rgb()), catalog.imageFile(name));
        PngFiles.write(PngFiles.mask(pair.mask(), width, height), catalog.maskFile(name));
        Thumbnails.write(pair.rgb(), pair.mask(), catalog.thumbnailFile(name));
        MaskFigures figures = MaskFigures.of(MaskRaster.of(pair.mask(), width, height));
        SampleRecord record = new SampleRecord(name, modelName, origin.seed(), origin.index(), origin.startScale(),
                origin.scaleH(), origin.scaleV(), width, height, figures.coverage(), figures.regions(),
                distanceToReal.applyAsDouble(pair.rgb()), origin.style(), Review.UNREVIEWED, Instant.now());
        catalog.add(record);
        return record;
    }
}
