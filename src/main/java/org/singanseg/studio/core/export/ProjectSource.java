package org.singanseg.studio.core.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.ConfinedPaths;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A project's gallery: its samples with their reviews, its real pair, its models and credit line. */
record ProjectSource(Project project, SampleCatalog catalog) implements ExportSource {

    @Override
    public List<SampleRecord> records() {
        return catalog.records();
    }

    @Override
    public Path imageFile(SampleRecord record) {
        return catalog.imageFile(record.name());
    }

    @Override
    public Path maskFile(SampleRecord record) {
        return catalog.maskFile(record.name());
    }

    @Override
    public String nothingToExport(boolean keptOnly) {
        return keptOnly
                ? "No sample of " + project.name() + " is marked as kept. Keep some in the gallery, or export all."
                : "The project " + project.name() + " has no samples to export (rejected ones are never "
                + "exported). Generate some, or clear the rejection of those you want (U in the gallery).";
    }

    /** Inside the project, only its exports folder may take a dataset. */
    @Override
    public void checkTarget(Path target) throws InvalidInputException {
        Path projectFolder = project.folder().toAbsolutePath().normalize();
        boolean inExports = target.startsWith(project.exportsFolder().toAbsolutePath().normalize());
        if (projectFolder.startsWith(target) || target.startsWith(projectFolder) && !inExports) {
            throw new InvalidInputException("Cannot export to " + target + ": it is part of the project "
                    + project.name() + ". Choose a folder outside the project, or in its exports folder.");
        }
    }

    @Override
    public RealPair real() throws InvalidInputException {
        return new RealPair(project.imageFile(), ProjectStore.loadMask(project));
    }

    @Override
    public void describeOrigin(ObjectNode json, Collection<String> models) throws InvalidInputException {
        String imageSha256;
        try {
            imageSha256 = FileHash.sha256(project.imageFile());
        } catch (IOException e) {
            throw ExportFailures.reading(project.imageFile(), e);
        }
        json.put("project", project.name());
        ObjectNode source = json.putObject("sourceImage");
        source.put("file", project.folder().relativize(project.imageFile()).toString());
        source.put("originalName", project.sourceFileName());
        source.put("width", project.width());
        source.put("height", project.height());
        source.put("sha256", imageSha256);
        if (!project.sourceCredit().isEmpty()) {
            json.put("sourceCredit", project.sourceCredit());
        }
        ArrayNode modelNodes = json.putArray("models");
        for (String model : models) {
            modelNodes.add(DatasetDescriptor.model(ConfinedPaths.file(project.modelsFolder(), model), imageSha256));
        }
    }
}
