package org.singanseg.studio.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.gan.FourChannel;
import org.singanseg.studio.core.gan.LossHistory;
import org.singanseg.studio.core.gan.ScaleNets;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.TrainedScale;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.Pyramid;
import org.singanseg.studio.core.io.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One model per file: a zip holding {@code model.json} (format version, app version, settings,
 * source, pyramid, per-scale size, width and noise amplitude) and per scale the generator's
 * parameters and batch-norm running statistics, the critic's parameters and z_opt in ND4J's
 * binary format, plus the loss history as CSV. No Java serialisation. Written atomically, so it
 * doubles as the training checkpoint. Read through {@link ModelArchive}: every entry only up to
 * the size the descriptor allows, one at a time, so that a crafted file cannot exhaust memory.
 *
 * <p>Format 2 added the running statistics; format 1 models cannot be sampled as SinGAN does.
 */
public final class ModelFile {
    public static final String FORMAT = "singan-seg-studio-model";
    public static final int FORMAT_VERSION = 2;
    private static final String DESCRIPTOR = "model.json";
    private static final String STATISTICS_ENTRY = "generator-running-statistics.nd4j";
    /** The descriptor and a scale's loss history are text: far below this. */
    private static final long MAX_TEXT_BYTES = 64L * 1024 * 1024;

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
                if (s.batchNorm()) {
                    put(zip, entry(i, STATISTICS_ENTRY), Nd4j.toByteArray(s.generatorStatistics()));
                }
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
        try (ModelArchive archive = ModelArchive.open(file)) {
            d = descriptor(file, archive);
        }
        if (d.settings() == null) {
            throw ModelProblems.damaged(file, "its description is incomplete", null);
        }
        int scales = d.scales() == null ? 0 : d.scales().size();
        return new Description(d.formatVersion(), d.appVersion(), d.settings(), d.source(), scales,
                d.pyramid() != null && scales == d.pyramid().scales());
    }

    public static SinGanModel load(Path file) throws InvalidModelException {
        try (ModelArchive archive = ModelArchive.open(file)) {
            Descriptor d = descriptor(file, archive);
            checkLoadable(file, d);
            List<TrainedScale> scales = new ArrayList<>();
            for (ScaleEntry e : d.scales()) {
                scales.add(scale(file, archive, e));
            }
            return new SinGanModel(d.settings(), d.pyramid(), d.source(), scales);
        } catch (OutOfMemoryError e) {
            throw new InvalidModelException("The model file " + file.getFileName() + " is too large for the memory "
                    + "available. Give the app more memory (-Xmx), or use a smaller model.", e);
        }
    }

    private static void checkLoadable(Path file, Descriptor d) throws InvalidModelException {
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
            throw ModelProblems.damaged(file, "its description is incomplete", null);
        }
        for (ScaleEntry e : d.scales()) {
            if (e.networkWidth() < 1 || e.height() < 1 || e.width() < 1) {
                throw ModelProblems.damaged(file, "its description of scale " + e.index() + " is impossible", null);
            }
        }
    }

    /**
     * One scale's weights, each entry read only up to the size its description allows, and turned
     * into an array before the next is read.
     */
    private static TrainedScale scale(Path file, ModelArchive archive, ScaleEntry e) throws InvalidModelException {
        int width = e.networkWidth();
        // Only networks with batch norm have running statistics (which scales do is a setting's rule
        // that has changed: the file itself tells).
        boolean batchNorm = archive.contains(entry(e.index(), STATISTICS_ENTRY));
        try {
            long noise = Math.multiplyExact((long) FourChannel.CHANNELS * e.height(), (long) e.width());
            INDArray generator = array(archive, e, "generator.nd4j", ScaleNets.parameterCount(width, false, batchNorm));
            long statisticsCount = ScaleNets.runningStatisticsCount(width, batchNorm);
            INDArray statistics = statisticsCount == 0 ? Nd4j.empty(DataType.FLOAT)
                    : array(archive, e, STATISTICS_ENTRY, statisticsCount);
            INDArray critic = array(archive, e, "critic.nd4j", ScaleNets.parameterCount(width, true, batchNorm));
            INDArray zOpt = array(archive, e, "z_opt.nd4j", noise);
            String csv = entry(e.index(), "losses.csv");
            LossHistory losses = !archive.contains(csv) ? new LossHistory()
                    : LossHistory.fromCsv(new String(archive.read(csv, MAX_TEXT_BYTES), StandardCharsets.UTF_8));
            return new TrainedScale(e.height(), e.width(), width, e.noiseAmp(), generator, statistics, critic, zOpt,
                    losses);
        } catch (RuntimeException ex) {
            throw ModelProblems.damaged(file, "the weights of scale " + e.index() + " cannot be read ("
                    + ex.getMessage() + ")", ex);
        }
    }

    private static INDArray array(ModelArchive archive, ScaleEntry e, String name, long elements)
            throws InvalidModelException {
        String entry = entry(e.index(), name);
        byte[] bytes = archive.read(entry, StoredArrays.maxBytes(elements));
        try {
            return StoredArrays.read(bytes, elements);
        } catch (IllegalStateException problem) {
            throw new IllegalStateException(entry + ": " + problem.getMessage(), problem);
        }
    }

    private static Descriptor descriptor(Path file, ModelArchive archive) throws InvalidModelException {
        if (!archive.contains(DESCRIPTOR)) {
            throw ModelProblems.notAModel(file, null);
        }
        byte[] json = archive.read(DESCRIPTOR, MAX_TEXT_BYTES);
        Descriptor d;
        try {
            d = JSON.readValue(json, Descriptor.class);
        } catch (IOException e) {
            throw ModelProblems.notAModel(file, e);
        }
        if (!FORMAT.equals(d.format())) {
            throw ModelProblems.notAModel(file, null);
        }
        return d;
    }

    private static String entry(int scale, String name) {
        return String.format("scales/%02d/%s", scale, name);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
