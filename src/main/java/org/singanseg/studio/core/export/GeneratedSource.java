package org.singanseg.studio.core.export;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.samples.GenerateFolder;
import org.singanseg.studio.core.samples.SampleRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pairs of a {@code generate} folder: none reviewed, no real pair, and its model known by name
 * only (the source image's name and SHA-256 are listed with the pairs).
 */
record GeneratedSource(GenerateFolder folder) implements ExportSource {

    @Override
    public List<SampleRecord> records() {
        return folder.records();
    }

    @Override
    public Path imageFile(SampleRecord record) {
        return folder.imageFile((int) record.index());
    }

    @Override
    public Path maskFile(SampleRecord record) {
        return folder.maskFile((int) record.index());
    }

    @Override
    public String nothingToExport(boolean keptOnly) {
        return keptOnly
                ? "The pairs of " + folder.folder() + " are not reviewed (only the app's gallery marks pairs as "
                + "kept), so none is kept. Export them all."
                : folder.folder() + " holds no generated pairs (no " + GenerateFolder.MANIFEST + " listing pairs "
                + "whose images and masks are there). Generate some into it first.";
    }

    @Override
    public void checkTarget(Path target) throws InvalidInputException {
        Path samples = folder.folder().toAbsolutePath().normalize();
        if (samples.startsWith(target) || target.startsWith(samples)) {
            throw new InvalidInputException("Cannot export to " + target + ": it is part of the generated pairs' "
                    + "folder " + folder.folder() + ". Choose a folder outside it.");
        }
    }

    @Override
    public RealPair real() throws InvalidInputException {
        throw new InvalidInputException("A generate folder holds no real pair, so it cannot be added. Export without "
                + "it, or from a project.");
    }

    @Override
    public void describeOrigin(ObjectNode json, Collection<String> models) {
        json.put("samples", folder.folder().toAbsolutePath().normalize().getFileName().toString());
        GenerateFolder.Source source = folder.source();
        if (!source.imageSha256().isEmpty()) {
            ObjectNode image = json.putObject("sourceImage");
            image.put("originalName", source.imageName());
            image.put("sha256", source.imageSha256());
        }
        ArrayNode modelNodes = json.putArray("models");
        for (String model : models) {
            ObjectNode node = modelNodes.addObject();
            node.put("file", model);
            node.put("note", "A generate folder names its model only; the model file holds its settings.");
        }
    }
}
