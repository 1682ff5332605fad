package org.singanseg.studio.core.samples;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;

/**
 * Draws the requested pairs from a model into a catalog, one at a time (again while a mask is under
 * the request's floor), so each pair reaches the caller (and the gallery) as soon as it exists. Saves the catalog every few seconds and at the
 * end, so a crash loses at most the last few records (their files stay on disk).
 */
public final class SampleGenerator {
    private static final long SAVE_INTERVAL_NANOS = 2_000_000_000L;

    private final Sampler sampler;
    private final SampleWriter writer;
    private final SampleCatalog catalog;
    private final SampleStyler styler;

    /** @param styler also stores a styled copy of every pair; null for none */
    public SampleGenerator(Sampler sampler, SampleWriter writer, SampleCatalog catalog, SampleStyler styler) {
        this.sampler = sampler;
        this.writer = writer;
        this.catalog = catalog;
        this.styler = styler;
    }

    /**
     * @param made      receives every stored pair (on the calling thread)
     * @param cancelled checked before every pair; when true the catalog is saved and a
     *                  {@link CancellationException} ends the run (pairs made so far stay)
     */
    public void run(GenerationRequest request, Consumer<SampleRecord> made, BooleanSupplier cancelled) throws IOException {
        sampler.check(request.startScale(), request.scaleV(), request.scaleH());
        long lastSave = System.nanoTime();
        try {
            for (int i = 0; i < request.count(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Generation cancelled after " + i + " pairs.");
                }
                MaskFloor.Drawn drawn = request.maskFloor().draw(sampler, request.seed(), i, request.startScale(),
                        request.scaleV(), request.scaleH());
                SamplePair pair = drawn.pair();
                // The record keeps the noise index and start scale of the draw kept, which repeat the pair.
                SampleWriter.Origin origin = new SampleWriter.Origin(request.seed(), MaskFloor.noiseIndex(i, drawn.draw()),
                        drawn.startScale(), request.scaleH(), request.scaleV(), SampleRecord.NO_STYLE);
                made.accept(writer.write(pair, origin));
                if (styler != null) {
                    made.accept(writer.write(styler.style(pair, cancelled), origin.withStyle(styler.describe())));
                }
                if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
                    catalog.save();
                    lastSave = System.nanoTime();
                }
            }
        } finally {
            catalog.save();
        }
    }
}
