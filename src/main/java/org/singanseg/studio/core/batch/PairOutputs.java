package org.singanseg.studio.core.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Writes what a pair's outputs lack, from its complete model: the synthetic pairs 1..K (and the
 * real pair, when asked) that its record does not list with both files on disk. Sample
 * {@code index} is drawn with the pair's seed and that index at start scale 0, again while its mask
 * is under the floor ({@link MaskFloor}), so a sample drawn again is the same; samples of a record
 * drawn with another floor are all drawn anew. The record is saved every few seconds and at the
 * end, also when cancelled.
 */
final class PairOutputs {
    static final int START_SCALE = 0;
    private static final long SAVE_INTERVAL_NANOS = 2_000_000_000L;

    private final BatchLayout layout;
    private final BatchListener listener;
    private final BooleanSupplier cancelled;
    private final int samplesPerImage;
    private final boolean withReal;
    private final MaskFloor maskFloor;

    PairOutputs(BatchLayout layout, BatchOptions options, BatchListener listener, BooleanSupplier cancelled) {
        this.layout = layout;
        this.listener = listener;
        this.cancelled = cancelled;
        this.samplesPerImage = options.samplesPerImage();
        this.withReal = options.withReal();
        this.maskFloor = options.maskFloor();
    }

    /** True when the record lists every wanted output and its files are there. */
    boolean complete(PairRecord record) {
        return missingSamples(record).isEmpty() && !needsReal(record);
    }

    boolean needsReal(PairRecord record) {
        return withReal && presentReal(record) == null;
    }

    /**
     * @param real the real pair, when {@link #needsReal} (else unused, may be null)
     * @return the number of synthetic pairs written
     */
    int write(BatchPair pair, PairRecord record, SinGanModel model, TrainingPair real) throws IOException {
        SortedMap<Integer, PairRecord.Sample> samples = presentSamples(record);
        PairRecord.Real realEntry = presentReal(record);
        List<Integer> missing = missingSamples(record);
        boolean realMissing = needsReal(record);
        int total = missing.size() + (realMissing ? 1 : 0);
        int done = 0;
        long lastSave = System.nanoTime();
        try {
            if (realMissing) {
                realEntry = writeReal(pair.name(), real);
                listener.outputWritten(pair, ++done, total);
            }
            Sampler sampler = missing.isEmpty() ? null : new Sampler(model);
            for (int index : missing) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Stopped while sampling " + pair.name() + ".");
                }
                samples.put(index, writeSample(pair.name(), index, sampler, record.seed()));
                listener.outputWritten(pair, ++done, total);
                if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
                    saveRecord(pair, record, realEntry, samples);
                    lastSave = System.nanoTime();
                }
            }
        } finally {
            saveRecord(pair, record, realEntry, samples);
        }
        return missing.size();
    }

    private PairRecord.Sample writeSample(String pairName, int index, Sampler sampler, long seed) throws IOException {
        MaskFloor.Drawn drawn = maskFloor.draw(sampler, seed, index, START_SCALE, 1, 1);
        SamplePair sample = drawn.pair();
        String name = BatchLayout.sampleName(pairName, index);
        int width = sample.rgb().width();
        int height = sample.rgb().height();
        String image = BatchLayout.imagePath(name);
        String mask = BatchLayout.maskPath(name);
        PngFiles.write(PngFiles.rgb(sample.rgb()), layout.file(image));
        PngFiles.write(PngFiles.mask(sample.mask(), width, height), layout.file(mask));
        return new PairRecord.Sample(index, drawn.draw(), drawn.startScale(), image, mask, width, height,
                sample.maskCoverage());
    }

    private void saveRecord(BatchPair pair, PairRecord record, PairRecord.Real real,
                            SortedMap<Integer, PairRecord.Sample> samples) throws IOException {
        record.with(real, maskFloor, new ArrayList<>(samples.values())).write(layout.record(pair.name()));
    }

    private PairRecord.Real writeReal(String pairName, TrainingPair real) throws IOException {
        String name = BatchLayout.realName(pairName);
        String image = BatchLayout.imagePath(name);
        String mask = BatchLayout.maskPath(name);
        PngFiles.write(PngFiles.rgb(real.rgb()), layout.file(image));
        PngFiles.write(PngFiles.mask(real.mask(), real.width(), real.height()), layout.file(mask));
        return new PairRecord.Real(image, mask, real.width(), real.height(), real.coverage());
    }

    /**
     * The record's samples whose files are on disk, by index (also those past K, from an earlier
     * run); none when they were drawn with another mask floor.
     */
    private SortedMap<Integer, PairRecord.Sample> presentSamples(PairRecord record) {
        SortedMap<Integer, PairRecord.Sample> present = new TreeMap<>();
        if (record.minMaskCoverage() != maskFloor.minCoverage()) {
            return present;
        }
        record.samples().stream().filter(s -> layout.hasFiles(s.image(), s.mask())).forEach(s -> present.put(s.index(), s));
        return present;
    }

    private List<Integer> missingSamples(PairRecord record) {
        SortedMap<Integer, PairRecord.Sample> present = presentSamples(record);
        List<Integer> missing = new ArrayList<>();
        for (int index = 1; index <= samplesPerImage; index++) {
            if (!present.containsKey(index)) {
                missing.add(index);
            }
        }
        return missing;
    }

    private PairRecord.Real presentReal(PairRecord record) {
        PairRecord.Real real = record.real();
        return real != null && layout.hasFiles(real.image(), real.mask()) ? real : null;
    }
}
