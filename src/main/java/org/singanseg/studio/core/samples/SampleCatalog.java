package org.singanseg.studio.core.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.ConfinedPaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The synthetic pairs of a project, in its {@code samples/} folder: {@code images/NAME.png},
 * {@code masks/NAME.png}, {@code thumbs/NAME.png} (see {@link Thumbnails}) and {@code catalog.json}
 * with one {@link SampleRecord} per pair. Thread-safe; {@link #save()} writes the catalog atomically.
 */
public final class SampleCatalog {
    public static final String FILE = "catalog.json";
    public static final int FORMAT_VERSION = 1;
    private static final Pattern NUMBERED = Pattern.compile("syn_(\\d+)\\.png");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The stored form of the catalog. */
    record Stored(int formatVersion, List<SampleRecord> samples) {
    }

    private final Path folder;
    private final Map<String, SampleRecord> records = new LinkedHashMap<>();
    /** Held from snapshot to file, so two savers never write their snapshots in the wrong order. */
    private final Object saving = new Object();
    private long nextNumber;

    private SampleCatalog(Path folder) {
        this.folder = folder;
    }

    /**
     * Opens the catalog of a samples folder (empty if there is none yet). Records whose image or
     * mask file has gone are dropped; new names never reuse the number of a file on disk.
     */
    public static SampleCatalog open(Path samplesFolder) throws IOException, InvalidInputException {
        SampleCatalog catalog = new SampleCatalog(samplesFolder);
        Path file = samplesFolder.resolve(FILE);
        if (Files.exists(file)) {
            Stored stored;
            try {
                stored = JSON.readValue(file.toFile(), Stored.class);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("The sample list " + file + " is damaged (" + e.getOriginalMessage()
                        + "). Move it away to start a new list; the sample images stay where they are.");
            }
            if (stored.formatVersion() > FORMAT_VERSION) {
                throw new InvalidInputException("The sample list " + file + " was written by a newer version of "
                        + "SinGAN-Seg Studio (format " + stored.formatVersion() + "). Update the app to open it.");
            }
            for (SampleRecord record : stored.samples()) {
                checkNames(file, record);
                if (Files.exists(catalog.imageFile(record.name())) && Files.exists(catalog.maskFile(record.name()))) {
                    catalog.records.put(record.name(), record);
                }
            }
        }
        catalog.nextNumber = catalog.highestNumberOnDisk() + 1;
        return catalog;
    }

    public Path folder() {
        return folder;
    }

    public Path imageFile(String name) {
        return ConfinedPaths.file(folder.resolve("images"), name + ".png");
    }

    public Path maskFile(String name) {
        return ConfinedPaths.file(folder.resolve("masks"), name + ".png");
    }

    public Path thumbnailFile(String name) {
        return ConfinedPaths.file(folder.resolve("thumbs"), name + ".png");
    }

    /** A name no sample has had yet: syn_00001, syn_00002, ... */
    public synchronized String newName() {
        return String.format(Locale.ROOT, "syn_%05d", nextNumber++);
    }

    public synchronized void add(SampleRecord record) {
        String unsafe = unsafeName(record);
        if (unsafe != null) {
            throw new IllegalArgumentException("A sample cannot be named '" + unsafe + "': it is not a plain file name.");
        }
        if (records.putIfAbsent(record.name(), record) != null) {
            throw new IllegalArgumentException("A sample named " + record.name() + " exists already.");
        }
    }

    /** The records in the order they were made. */
    public synchronized List<SampleRecord> records() {
        return List.copyOf(records.values());
    }

    public synchronized SampleRecord get(String name) {
        return records.get(name);
    }

    public synchronized int size() {
        return records.size();
    }

    /** Marks the named samples; unknown names are ignored. Returns the updated records. */
    public synchronized List<SampleRecord> setReview(Collection<String> names, Review review) {
        List<SampleRecord> updated = new ArrayList<>();
        for (String name : names) {
            SampleRecord record = records.get(name);
            if (record != null) {
                SampleRecord changed = record.withReview(review);
                records.put(name, changed);
                updated.add(changed);
            }
        }
        return updated;
    }

    /** Removes the named samples from the catalog and deletes their files. */
    public void delete(Collection<String> names) throws IOException {
        synchronized (this) {
            names.forEach(records::remove);
        }
        for (String name : names) {
            Files.deleteIfExists(imageFile(name));
            Files.deleteIfExists(maskFile(name));
            Files.deleteIfExists(thumbnailFile(name));
        }
    }

    /** Writes catalog.json atomically. */
    public void save() throws IOException {
        synchronized (saving) {
            byte[] bytes;
            synchronized (this) {
                bytes = JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(new Stored(FORMAT_VERSION, List.copyOf(records.values())));
            }
            AtomicFiles.write(folder.resolve(FILE), out -> out.write(bytes));
        }
    }

    /**
     * A catalog may come with a project from someone else: its sample names become file names under
     * images/, masks/ and thumbs/, its model names file names in the models folder.
     */
    private static void checkNames(Path file, SampleRecord record) throws InvalidInputException {
        String unsafe = unsafeName(record);
        if (unsafe != null) {
            throw new InvalidInputException("The sample list " + file + " names a file '" + unsafe + "', which is not "
                    + "a plain file name and would lead outside the project's folders (the project may be damaged, "
                    + "or come from someone else). Remove that sample from the list, or move the list away to start "
                    + "a new one.");
        }
    }

    /** The record's name or model name when it is not a plain file name, else null. */
    private static String unsafeName(SampleRecord record) {
        if (!ConfinedPaths.isPlainName(record.name())) {
            return record.name();
        }
        return record.model() == null || ConfinedPaths.isPlainName(record.model()) ? null : record.model();
    }

    private long highestNumberOnDisk() throws IOException {
        long highest = 0;
        Path images = folder.resolve("images");
        if (Files.isDirectory(images)) {
            try (Stream<Path> files = Files.list(images)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Matcher m = NUMBERED.matcher(file.getFileName().toString());
                    if (m.matches()) {
                        highest = Math.max(highest, Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        return highest;
    }
}
