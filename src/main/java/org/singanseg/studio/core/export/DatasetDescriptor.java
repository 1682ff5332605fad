package org.singanseg.studio.core.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Citation;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.model.InvalidModelException;
import org.singanseg.studio.core.model.ModelFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code dataset.json}: where the pairs came from, so a dataset can be traced and credited without
 * its source: the source image's SHA-256 and credit line, the models (with their settings, read from
 * their descriptors only, no weights, where the source has the files), the export options and the
 * SinGAN-Seg citation. Paths are relative; nothing names the user's folders.
 */
final class DatasetDescriptor {
    static final String FILE = "dataset.json";
    static final String FORMAT = "singan-seg-studio-dataset";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DatasetDescriptor() {
    }

    /** @param models the model names of the exported pairs */
    static byte[] json(ExportSource source, Collection<String> models, int pairs, ExportOptions options)
            throws JsonProcessingException, InvalidInputException {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("formatVersion", FORMAT_VERSION);
        json.put("appVersion", AppVersion.get());
        json.put("created", Instant.now().toString());
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
        source.describeOrigin(json, models);
        json.put("citation", Citation.SINGAN_SEG);
        return JSON.writeValueAsBytes(json);
    }

    /** A model file's facts from its descriptor, or why they are unknown. */
    static ObjectNode model(Path file, String imageSha256) {
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
