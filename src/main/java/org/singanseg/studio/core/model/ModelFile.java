package org.singanseg.studio.core.model;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.gan.LossHistory;
import org.singanseg.studio.core.gan.ScaleNets;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainedScale;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.ConfinedPaths;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One model per file: a zip holding {@code model.json} (format version, app version, settings,
 * source, pyramid, per-scale size, width and noise amplitude) and per scale the generator's
 * parameters and batch-norm running statistics, the critic's parameters and z_opt in ND4J's
 * binary format, plus the loss history as CSV. No Java serialisation. Written atomically, so it
 * doubles as the training checkpoint.
 *
 * <p>Format 2 added the running statistics; format 1 models cannot be sampled as SinGAN does.
 */
public final class ModelFile {
    public static final String FORMAT = "singan-seg-studio-model";
    public static final int FORMAT_VERSION = 2;
    private static final String DESCRIPTOR = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFile() {
    }

    /** The JSON descriptor. */
    record Descriptor(String format, int formatVersion, String appVersion, TrainingSettings settings, SourceInfo source,
                      Pyramid pyramid, List<ScaleEntry> scales) {
    }

    record ScaleEntry(int index, int height, int width, int networkWidth, double noiseAmp) {
    }

    /**
     * What a model file says about itself, read from its descriptor alone: no weights, so no ND4J.
     *
     * @param scales   number of trained scales (a checkpoint has fewer than its settings plan)
     * @param complete every planned scale is trained: not a checkpoint of an unfinished run
     */
    public record Description(int formatVersion, String appVersion, TrainingSettings settings, SourceInfo source,
                              int scales, boolean complete) {
    }

    public static void save(SinGanModel model, Path file) throws IOException {
        List<ScaleEntry> entries = new ArrayList<>();
        for (int i = 0; i < model.scales().size(); i++) {
            TrainedScale s = model.scales().get(i);
            entries.add(new ScaleEntry(i, s.height(), s.width(), s.networkWidth(), s.noiseAmp()));
        }
        Descriptor descriptor = new Descriptor(FORMAT, FORMAT_VERSION, AppVersion.get(), model.settings(),
                model.source(), model.pyramid(), entries);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, DESCRIPTOR, JSON.writeValueAsBytes(descriptor));
            for (int i = 0; i < model.scales().size(); i++) {
                TrainedScale s = model.scales().get(i);
                put(zip, entry(i, "generator.nd4j"), Nd4j.toByteArray(s.generator()));
                put(zip, entry(i, "generator-running-statistics.nd4j"), Nd4j.toByteArray(s.generatorStatistics()));
                put(zip, entry(i, "critic.nd4j"), Nd4j.toByteArray(s.critic()));
                put(zip, entry(i, "z_opt.nd4j"), Nd4j.toByteArray(s.reconstructionNoise()));
                put(zip, entry(i, "losses.csv"), s.losses().toCsv().getBytes(StandardCharsets.UTF_8));
            }
            zip.close();
        });
    }

    /** The descriptor facts of a model file of any format version, without reading its weights. */
    public static Description describe(Path file) throws InvalidModelException {
        Descriptor d;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(DESCRIPTOR);
            if (entry == null) {
                throw notAModel(file, null);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                d = parseDescriptor(file, in.readAllBytes());
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new InvalidModelException("The model file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw damaged(file, "it is not a complete zip archive", e);
        }
        int scales = d.scales() == null ? 0 : d.scales().size();
        return new Description(d.formatVersion(), d.appVersion(), d.settings(), d.source(), scales,
                d.pyramid() != null && scales == d.pyramid().scales());
    }

    public static SinGanModel load(Path file) throws InvalidModelException {
        Map<String, byte[]> entries = readEntries(file);
        byte[] json = entries.get(DESCRIPTOR);
        if (json == null) {
            throw notAModel(file, null);
        }
        Descriptor d = parseDescriptor(file, json);
        if (d.formatVersion() < FORMAT_VERSION) {
            throw new InvalidModelException(file.getFileName() + " was made by an older version of SinGAN-Seg Studio ("
                    + d.appVersion() + ", model format version " + d.formatVersion() + "), which did not keep the "
                    + "statistics this version generates with; this version reads format " + FORMAT_VERSION
                    + ". Train the model again with this version.");
        }
        if (d.formatVersion() > FORMAT_VERSION) {
            throw new InvalidModelException(file.getFileName() + " is a model of format version " + d.formatVersion()
                    + " (made by SinGAN-Seg Studio " + d.appVersion() + "); this version reads format "
                    + FORMAT_VERSION + ". Update SinGAN-Seg Studio to open it.");
        }
        if (d.settings() == null || d.pyramid() == null || d.scales() == null) {
            throw damaged(file, "its description is incomplete", null);
        }
        List<TrainedScale> scales = new ArrayList<>();
        for (ScaleEntry e : d.scales()) {
            try {
                INDArray generator = array(entries, entry(e.index(), "generator.nd4j"));
                INDArray statistics = array(entries, entry(e.index(), "generator-running-statistics.nd4j"));
                INDArray critic = array(entries, entry(e.index(), "critic.nd4j"));
                INDArray zOpt = array(entries, entry(e.index(), "z_opt.nd4j"));
                byte[] csv = entries.get(entry(e.index(), "losses.csv"));
                LossHistory losses = csv == null ? new LossHistory()
                        : LossHistory.fromCsv(new String(csv, StandardCharsets.UTF_8));
                if (generator.length() != ScaleNets.parameterCount(e.networkWidth(), false)
                        || critic.length() != ScaleNets.parameterCount(e.networkWidth(), true)
                        || statistics.length() != ScaleNets.runningStatisticsCount(e.networkWidth())) {
                    throw new IllegalStateException("weights do not match width " + e.networkWidth());
                }
                scales.add(new TrainedScale(e.height(), e.width(), e.networkWidth(), e.noiseAmp(), generator, statistics, critic,
                        zOpt, losses));
            } catch (RuntimeException ex) {
                throw damaged(file, "the weights of scale " + e.index() + " cannot be read", ex);
            }
        }
        return new SinGanModel(d.settings(), d.pyramid(), d.source(), scales);
    }

    private static Descriptor parseDescriptor(Path file, byte[] json) throws InvalidModelException {
        Descriptor d;
        try {
            d = JSON.readValue(json, Descriptor.class);
        } catch (IOException e) {
            throw notAModel(file, e);
        }
        if (!FORMAT.equals(d.format())) {
            throw notAModel(file, null);
        }
        return d;
    }

    private static INDArray array(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalStateException("missing " + name);
        }
        return Nd4j.fromByteArray(bytes);
    }

    private static Map<String, byte[]> readEntries(Path file) throws InvalidModelException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!ConfinedPaths.isConfined(entry.getName())) {
                    throw damaged(file, "it holds an entry named '" + entry.getName() + "', outside its folders", null);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(entry.getName(), bytes.toByteArray());
            }
        } catch (NoSuchFileException e) {
            throw new InvalidModelException("The model file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw damaged(file, "it is not a complete zip archive", e);
        }
        if (entries.isEmpty()) {
            throw notAModel(file, null);
        }
        return entries;
    }

    private static String entry(int scale, String name) {
        return String.format("scales/%02d/%s", scale, name);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static InvalidModelException notAModel(Path file, Throwable cause) {
        return new InvalidModelException(file.getFileName() + " is not a SinGAN-Seg Studio model file. "
                + "Choose a .singan model that this app saved.", cause);
    }

    private static InvalidModelException damaged(Path file, String why, Throwable cause) {
        return new InvalidModelException("The model file " + file.getFileName() + " is damaged (" + why
                + "), for example by an interrupted copy or download. Use another copy or train again.", cause);
    }
}
