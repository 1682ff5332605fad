package org.singanseg.studio.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.ConfinedPaths;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.mask.MaskRaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creates, opens and saves project folders; every file is written atomically. */
public final class ProjectStore {
    static final String FORMAT = "singan-seg-studio-project";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A freshly created project, and whether its mask came from the image's alpha channel. */
    public record Created(Project project, MaskRaster mask, boolean maskFromAlpha) {
    }

    private ProjectStore() {
    }

    /**
     * Makes a project in {@code folder} (created; must be empty or absent) from any image the app
     * reads. The image is stored as 8-bit RGB PNG; an alpha channel that marks part of the image
     * becomes the mask (SinGAN-Seg's RGBA input), otherwise the mask starts empty.
     */
    public static Created create(Path imageFile, Path folder) throws InvalidInputException, IOException {
        Planes image = ImageFiles.read(imageFile);
        if (Math.min(image.width(), image.height()) < TrainingPair.MIN_SIDE) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s is %dx%d pixels; SinGAN-Seg needs at least %d pixels on the shorter side. Use a larger image.",
                    imageFile.getFileName(), image.width(), image.height(), TrainingPair.MIN_SIDE));
        }
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException("The folder " + folder + " is not empty. Choose a new or empty folder for the project.");
                }
            }
        }
        MaskRaster mask = new MaskRaster(image.width(), image.height());
        boolean fromAlpha = false;
        if (Masks.hasAlpha(image)) {
            MaskRaster alpha = MaskRaster.of(Masks.fromAlpha(image), image.width(), image.height());
            long inside = alpha.countInside();
            // Fully opaque alpha carries no mask; anything else is SinGAN-Seg's RGBA convention.
            if (inside > 0 && inside < (long) image.width() * image.height()) {
                mask = alpha;
                fromAlpha = true;
            }
        }
        Project project = new Project(folder, folder.getFileName().toString(), imageFile.getFileName().toString(),
                image.width(), image.height(), Instant.now(), "");
        Files.createDirectories(folder);
        PngFiles.write(PngFiles.rgb(TrainingPair.toRgb(image)), project.imageFile());
        MaskFiles.write(mask, project.maskFile());
        writeDescriptor(project);
        return new Created(project, mask, fromAlpha);
    }

    /** Opens a project folder (or its project.json); clear messages for anything that is not one. */
    public static Project open(Path folderOrDescriptor) throws InvalidInputException {
        Path folder = folderOrDescriptor.getFileName() != null
                && folderOrDescriptor.getFileName().toString().equals(Project.DESCRIPTOR)
                ? folderOrDescriptor.toAbsolutePath().getParent() : folderOrDescriptor.toAbsolutePath();
        Path descriptor = folder.resolve(Project.DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            throw new InvalidInputException(folder + " is not a SinGAN-Seg Studio project (it has no "
                    + Project.DESCRIPTOR + "). Choose a project folder, or make a new project from an image.");
        }
        JsonNode json;
        try {
            json = JSON.readTree(descriptor.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("The project file " + descriptor + " is damaged (" + e.getMessage()
                    + "). Make a new project from the image.", e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new InvalidInputException(descriptor + " is not a SinGAN-Seg Studio project file.");
        }
        int version = json.path("version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "The project %s has format version %d; this app (version %s) reads version %d. %s",
                    folder.getFileName(), version, AppVersion.get(), FORMAT_VERSION,
                    version > FORMAT_VERSION ? "Open it with a newer version of the app." : "Make a new project from its image."));
        }
        String name = json.path("name").asText(folder.getFileName().toString());
        if (!ConfinedPaths.isPlainName(name)) {
            // The name becomes part of paths (the default export folder); a project may come from someone else.
            throw new InvalidInputException("The project file " + descriptor + " gives the project the name '" + name
                    + "', which is not a plain folder name and could lead outside the project's folders. Give it a "
                    + "name without '/', '\\' or '..' in " + Project.DESCRIPTOR + ".");
        }
        Project project = new Project(folder, name,
                json.path("sourceFile").asText(""), json.path("width").asInt(), json.path("height").asInt(),
                Instant.parse(json.path("created").asText(Instant.EPOCH.toString())), json.path("sourceCredit").asText(""));
        if (!Files.isRegularFile(project.imageFile())) {
            throw new InvalidInputException("The project " + project.name() + " has lost its image ("
                    + project.imageFile() + "). Make a new project from the original image.");
        }
        return project;
    }

    /** The project's mask; an empty one if the mask file is missing, an error if it has another size. */
    public static MaskRaster loadMask(Project project) throws InvalidInputException {
        if (!Files.isRegularFile(project.maskFile())) {
            return new MaskRaster(project.width(), project.height());
        }
        MaskRaster mask = MaskFiles.read(project.maskFile());
        if (mask.width() != project.width() || mask.height() != project.height()) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "The project's mask is %dx%d pixels but its image is %dx%d. Import a mask of the image's size.",
                    mask.width(), mask.height(), project.width(), project.height()));
        }
        return mask;
    }

    public static void saveMask(Project project, MaskRaster mask) throws IOException {
        MaskFiles.write(mask, project.maskFile());
    }

    /** Records the licence and credit line of the project's source image. */
    public static Project saveSourceCredit(Project project, String credit) throws IOException {
        Project credited = project.withSourceCredit(credit);
        writeDescriptor(credited);
        return credited;
    }

    /** A folder under {@code root} named after the image that does not exist yet ("name", "name 2", ...). */
    public static Path newFolder(Path root, Path imageFile) {
        String base = baseName(imageFile);
        Path candidate = root.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = root.resolve(base + " " + n);
        }
        return candidate;
    }

    private static void writeDescriptor(Project project) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("version", FORMAT_VERSION);
        json.put("appVersion", AppVersion.get());
        json.put("name", project.name());
        json.put("sourceFile", project.sourceFileName());
        json.put("width", project.width());
        json.put("height", project.height());
        json.put("created", project.created().toString());
        json.put("sourceCredit", project.sourceCredit());
        json.put("image", project.folder().relativize(project.imageFile()).toString());
        json.put("mask", project.folder().relativize(project.maskFile()).toString());
        AtomicFiles.write(project.descriptor(), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, json));
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[\\\\/:*?\"<>|]", "_");
    }
}
