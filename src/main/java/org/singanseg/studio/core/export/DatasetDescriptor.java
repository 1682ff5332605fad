package org.singanseg.studio.core.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Citation;
import org.singanseg.studio.core.io.ConfinedPaths;
import org.singanseg.studio.core.model.InvalidModelException;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code dataset.json}: where the pairs came from, so a dataset can be traced and credited without
 * the project: the source image's SHA-256 and credit line, the models' settings (read from their
 * descriptors only, no weights), the export options and the SinGAN-Seg citation. Paths are
 * relative; nothing names the user's folders.
 */
final class DatasetDescriptor {
    static final String FILE = "dataset.json";
    static final String FORMAT = "singan-seg-studio-dataset";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DatasetDescriptor() {
    }

    /**
     * @param models      the model names of the exported samples, files in the project's models folder
     * @param imageSha256 SHA-256 of the project's image.png
     */
    static byte[] json(Project project, String imageSha256, Collection<String> models, int pairs,
                       ExportOptions options) throws JsonProcessingException {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("formatVersion", FORMAT_VERSION);
        json.put("appVersion", AppVersion.get());
        json.put("created", Instant.now().toString());
        json.put("project", project.name());
        json.put("count", pairs);
        json.put("realPair", options.includeReal());
        ObjectNode layout = json.putObject("layout");
        layout.put("images", "images/NAME.png, 8-bit RGB");
        layout.put("masks", "masks/NAME.png, 8-bit greyscale, 0 = background, 255 = polyp");
        layout.put("manifest", Manifest.FILE);
        ObjectNode used = json.putObject("options");
        used.put("keptOnly", options.keptOnly());
        used.put("includeReal", options.includeReal());
        used.put("zip", options.zip());
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
            modelNodes.add(model(ConfinedPaths.file(project.modelsFolder(), model), imageSha256));
        }
        json.put("citation", Citation.SINGAN_SEG);
        return JSON.writeValueAsBytes(json);
    }

    private static ObjectNode model(Path file, String imageSha256) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            node.put("available", false);
            node.put("note", "The model file is no longer in the project; its settings are unknown.");
            return node;
        }
        try {
            ModelFile.Description model = ModelFile.describe(file);
            node.put("available", true);
            node.put("formatVersion", model.formatVersion());
            node.put("appVersion", model.appVersion());
            node.put("scales", model.scales());
            node.set("settings", JSON.valueToTree(model.settings()));
            if (model.source() != null) {
                node.put("sourceImageSha256", model.source().imageSha256());
                node.put("sourceMaskSha256", model.source().maskSha256());
                node.put("sourceMatchesProjectImage", imageSha256.equals(model.source().imageSha256()));
            }
        } catch (InvalidModelException e) {
            node.put("available", false);
            node.put("note", e.getMessage());
        }
        return node;
    }
}
