package org.singanseg.studio.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.ConfinedPaths;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What batch training made from one pair, kept in {@code models/NAME.json} next to its model: the
 * source files (names and SHA-256), the pair's seed and every output pair with its figures.
 * {@link BatchManifest} is rebuilt from these files, so it covers every run and shard. Paths are
 * relative to the output folder.
 *
 * @param real            the copied real pair, or null
 * @param minMaskCoverage the mask floor the samples were drawn with ({@link MaskFloor}; 0 in older records)
 * @param samples         the synthetic pairs, by index
 */
public record PairRecord(String format, int formatVersion, String name, String sourceImage, String sourceMask,
                         String imageSha256, String maskSha256, long seed, String model, Real real,
                         double minMaskCoverage, List<Sample> samples) {
    public static final String FORMAT = "singan-seg-studio-batch-pair";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Synthetic pair {@code index} of the pair, drawn from the model with the pair's seed; {@code draw}
     * says which of {@link MaskFloor}'s draws it is (0 = the first).
     */
    public record Sample(int index, int draw, int startScale, String image, String mask, int width, int height,
                         double maskCoverage) {
    }

    /** The real pair as the dataset holds it (PNG, binary mask). */
    public record Real(String image, String mask, int width, int height, double maskCoverage) {
    }

    public PairRecord {
        samples = List.copyOf(samples);
    }

    /** A record of the given sources with no outputs yet. */
    static PairRecord empty(BatchPair pair, String imageSha256, String maskSha256, long seed) {
        return new PairRecord(FORMAT, FORMAT_VERSION, pair.name(), pair.image().getFileName().toString(),
                pair.mask().getFileName().toString(), imageSha256, maskSha256, seed, BatchLayout.modelPath(pair.name()),
                null, 0, List.of());
    }

    PairRecord with(Real newReal, MaskFloor newFloor, List<Sample> newSamples) {
        return new PairRecord(format, formatVersion, name, sourceImage, sourceMask, imageSha256, maskSha256, seed, model,
                newReal, newFloor.minCoverage(), newSamples);
    }

    /** True when this record describes outputs of these very source files and seed. */
    boolean matches(String otherImageSha256, String otherMaskSha256, long otherSeed) {
        return imageSha256.equals(otherImageSha256) && Objects.equals(maskSha256, otherMaskSha256) && seed == otherSeed;
    }

    /**
     * The record in a file, or null when there is none or it cannot be read (a record is only a
     * cache of what is on disk: its samples are drawn again, identically). A record whose paths lead
     * outside the output folder (a folder from someone else) is not used either.
     */
    public static PairRecord read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            PairRecord record = JSON.readValue(file.toFile(), PairRecord.class);
            boolean usable = FORMAT.equals(record.format()) && record.formatVersion() <= FORMAT_VERSION
                    && record.name() != null && record.imageSha256() != null && record.pathsConfined();
            return usable ? record : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private boolean pathsConfined() {
        Stream<String> realPaths = real == null ? Stream.empty() : Stream.of(real.image(), real.mask());
        Stream<String> samplePaths = samples.stream().flatMap(s -> Stream.of(s.image(), s.mask()));
        return Stream.concat(realPaths, samplePaths).allMatch(ConfinedPaths::isConfined);
    }

    /** Writes the record atomically. */
    void write(Path file) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
