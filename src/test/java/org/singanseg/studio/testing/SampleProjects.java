package org.singanseg.studio.testing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.FileHash;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.mask.MaskFiles;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.core.samples.SampleWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A project with a real image and mask and a gallery of hand-made samples, for tests of what is
 * done with samples (export, review) without training a GAN or touching ND4J. Its model file holds
 * only the JSON descriptor, which is all that such code reads.
 */
public final class SampleProjects {
    public static final String MODEL = "model.singan";
    /** One sample's style, with the characters CSV has to quote. */
    public static final String ODD_STYLE = "style \"b\", strength 0.5";
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    private SampleProjects() {
    }

    /** A project in {@code folder} from the small real frame, with its mask and {@code count} samples. */
    public static Project create(Path folder, int count) throws Exception {
        Project project = ProjectStore.create(TestData.smallImage(), folder).project();
        ProjectStore.saveMask(project, MaskFiles.read(TestData.smallMask()));
        writeModelDescriptor(project);
        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        SampleWriter writer = new SampleWriter(catalog, MODEL, rgb -> 0.5);
        for (int i = 0; i < count; i++) {
            String style = i == 1 ? ODD_STYLE : SampleRecord.NO_STYLE;
            writer.write(pair(i), new SampleWriter.Origin(42, i, i % 3, 1.0, 1.0 + i / 4.0, style));
        }
        catalog.save();
        return project;
    }

    /** An image in [0, 1] that differs per sample, and a rectangle mask that grows with i. */
    private static SamplePair pair(int i) {
        Planes rgb = Planes.zeros(3, HEIGHT, WIDTH);
        boolean[] mask = new boolean[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                rgb.set(0, y, x, (float) x / WIDTH);
                rgb.set(1, y, x, (float) y / HEIGHT);
                rgb.set(2, y, x, (i + 1) / 10f);
                mask[y * WIDTH + x] = x >= 5 && x < 10 + 3 * i && y >= 5 && y < 20;
            }
        }
        return new SamplePair(rgb, mask);
    }

    /** A model file as ModelFile writes it, less the weights, trained on the project's image. */
    private static void writeModelDescriptor(Project project) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "singan-seg-studio-model");
        json.put("formatVersion", 2);
        json.put("appVersion", "test");
        json.put("settings", TrainingSettings.quick());
        json.put("source", new SourceInfo("image.png", FileHash.sha256(project.imageFile()),
                FileHash.sha256(project.maskFile()), project.width(), project.height(), 0.1));
        List<Map<String, Object>> scales = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            scales.add(Map.of("index", k, "height", 20 + k, "width", 30 + k, "networkWidth", 32, "noiseAmp", 0.1));
        }
        json.put("scales", scales);
        Files.createDirectories(project.modelsFolder());
        try (OutputStream out = Files.newOutputStream(project.modelFile());
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write(new ObjectMapper().writeValueAsBytes(json));
            zip.closeEntry();
        }
    }
}
