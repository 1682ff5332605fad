package org.singanseg.studio.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.mask.MaskFigures;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.GenerateFolder;
import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleRecord;

/**
 * Exports synthetic pairs as a segmentation dataset in the Kvasir-SEG layout: {@code images/NAME.png},
 * {@code masks/NAME.png} (binary 0/255), {@code manifest.csv} and {@code dataset.json}, as a folder or
 * one zip file; the pairs come from a project's gallery or from a {@code generate} folder. Plain Java
 * (no JavaFX, no ND4J), so the UI and the command line share it. Rejected pairs are never exported.
 *
 * <p>All or nothing: the dataset is written into a hidden sibling of the target and moved into place
 * when complete; a failure or a cancel deletes it and leaves the target as it was. An existing
 * target is never replaced without {@link ExportOptions#overwrite()}.
 */
public final class DatasetExporter {
    /** The real pair's file name; sample names (syn_NNNNN, NNNN) cannot clash with it. */
    static final String REAL_NAME = "real.png";

    /** Progress after each pair. */
    @FunctionalInterface
    public interface Progress {
        void pairWritten(int done, int total);
    }

    /** Reads a source file; its failure is a read problem, not one of the export's target. */
    @FunctionalInterface
    private interface Read<T> {
        T from(Path file) throws IOException, InvalidInputException;
    }

    private final ExportSource source;

    /** Exports a project's gallery. */
    public DatasetExporter(Project project, SampleCatalog catalog) {
        this.source = new ProjectSource(project, catalog);
    }

    /** Exports the pairs of a {@code generate} folder. */
    public DatasetExporter(GenerateFolder generated) {
        this.source = new GeneratedSource(generated);
    }

    /** As the app offers it: only the kept pairs once any pair is kept, else all that are not rejected. */
    public boolean keptOnlyByDefault() {
        return source.records().stream().anyMatch(r -> r.review() == Review.KEPT);
    }

    /** Where an export to {@code out} goes: {@code out} itself, for a zip with ".zip" added when missing. */
    public static Path target(Path out, ExportOptions options) {
        Path absolute = out.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        boolean addZip = options.zip() && !name.toLowerCase(Locale.ROOT).endsWith(".zip");
        return addZip ? absolute.resolveSibling(name + ".zip") : absolute;
    }

    /**
     * Writes the dataset.
     *
     * @param out       the dataset folder, or the zip file (see {@link #target})
     * @param cancelled checked before each pair; when true the export is undone and
     *                  {@link CancellationException} thrown
     * @throws ExportTargetExistsException the target exists and {@code overwrite} is off; nothing was written
     * @throws InvalidInputException       nothing to export, a target inside the source folder, a source file that
     *                                     cannot be read, or a folder that cannot be written (read-only, disk full);
     *                                     the message says what to do, and nothing was left behind
     */
    public ExportSummary export(Path out, ExportOptions options, Progress progress, BooleanSupplier cancelled)
            throws ExportTargetExistsException, InvalidInputException {
        Path target = target(out, options);
        List<SampleRecord> records = selected(options.keptOnly());
        ExportSource.RealPair real = options.includeReal() ? source.real() : null;
        checkTarget(target, options.overwrite());
        StagedTarget staged = new StagedTarget(target);
        try {
            Files.createDirectories(target.getParent());
            DatasetSink sink = DatasetSink.create(staged.path(), options.zip());
            try (sink) {
                write(sink, records, real, options, progress, cancelled);
            }
            long bytes = sink.bytes();
            staged.install();
            return new ExportSummary(target, records.size(), options.includeReal(), bytes);
        } catch (IOException e) {
            discard(staged, e);
            throw ExportFailures.writing(target, e);
        } catch (InvalidInputException | RuntimeException e) {
            discard(staged, e);
            throw e;
        }
    }

    private void write(DatasetSink sink, List<SampleRecord> records, ExportSource.RealPair real, ExportOptions options,
                       Progress progress, BooleanSupplier cancelled) throws IOException, InvalidInputException {
        int total = records.size() + (real != null ? 1 : 0);
        int done = 0;
        Manifest manifest = new Manifest();
        if (real != null) {
            checkCancel(cancelled);
            sink.put(imagePath(REAL_NAME), read(real.image(), Files::readAllBytes));
            sink.put(maskPath(REAL_NAME), BinaryMasks.png(real.mask()));
            manifest.addReal(imagePath(REAL_NAME), maskPath(REAL_NAME), real.mask().width(), real.mask().height(),
                    MaskFigures.of(real.mask()));
            progress.pairWritten(++done, total);
        }
        Set<String> models = new LinkedHashSet<>();
        for (SampleRecord record : records) {
            checkCancel(cancelled);
            byte[] mask = read(source.maskFile(record), file -> BinaryMasks.of(file, Files.readAllBytes(file)));
            sink.put(imagePath(record.fileName()), read(source.imageFile(record), Files::readAllBytes));
            sink.put(maskPath(record.fileName()), mask);
            manifest.add(imagePath(record.fileName()), maskPath(record.fileName()), record);
            models.add(record.model());
            progress.pairWritten(++done, total);
        }
        sink.put(Manifest.FILE, manifest.bytes());
        sink.put(DatasetDescriptor.FILE, DatasetDescriptor.json(source, models, records.size(), options));
    }

    /** Rejected pairs are never exported: the user said they are not fit to train on. */
    private List<SampleRecord> selected(boolean keptOnly) throws InvalidInputException {
        List<SampleRecord> records = source.records().stream()
                .filter(r -> r.review() != Review.REJECTED && (!keptOnly || r.review() == Review.KEPT)).toList();
        if (records.isEmpty()) {
            throw new InvalidInputException(source.nothingToExport(keptOnly));
        }
        return records;
    }

    private void checkTarget(Path target, boolean overwrite) throws ExportTargetExistsException, InvalidInputException {
        source.checkTarget(target);
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(target)) {
            throw new ExportTargetExistsException(target);
        }
    }

    private static boolean isEmptyFolder(Path path) throws InvalidInputException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw ExportFailures.reading(path, e);
        }
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("The export was cancelled.");
        }
    }

    private static <T> T read(Path file, Read<T> read) throws InvalidInputException {
        try {
            return read.from(file);
        } catch (IOException e) {
            throw ExportFailures.reading(file, e);
        }
    }

    /** Removes the staged files; a failure to do so is noted on the error being reported. */
    private static void discard(StagedTarget staged, Exception cause) {
        try {
            staged.discard();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static String imagePath(String fileName) {
        return "images/" + fileName;
    }

    private static String maskPath(String fileName) {
        return "masks/" + fileName;
    }
}
