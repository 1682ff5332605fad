package org.singanseg.studio.core.export;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskRaster;
import org.singanseg.studio.core.samples.SampleRecord;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the pairs of an export come from: a project's gallery ({@link ProjectSource}) or the
 * folder {@code generate} writes ({@link GeneratedSource}). The export itself (selection, layout,
 * staging, manifest) is the same for both.
 */
interface ExportSource {

    /** Every pair, in the order they were made, with its review. */
    List<SampleRecord> records();

    Path imageFile(SampleRecord record);

    Path maskFile(SampleRecord record);

    /** Why nothing is left to export, and what to do. */
    String nothingToExport(boolean keptOnly);

    /** Refuses a target that holds or is part of the source's own files (an overwrite would delete them). */
    void checkTarget(Path target) throws InvalidInputException;

    /** The real pair: its image file and its mask, read as the app reads masks; refused when there is none. */
    RealPair real() throws InvalidInputException;

    /**
     * Adds to dataset.json what the pairs were made from: the source image, its credit, the models.
     * @param models the model names of the exported pairs
     */
    void describeOrigin(ObjectNode json, Collection<String> models) throws InvalidInputException;

    record RealPair(Path image, MaskRaster mask) {
    }
}
