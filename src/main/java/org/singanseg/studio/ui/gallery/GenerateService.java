package org.singanseg.studio.ui.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.samples.GenerationRequest;
import org.singanseg.studio.core.samples.ProjectGallery;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleGenerator;
import org.singanseg.studio.core.samples.SampleRecord;
import org.singanseg.studio.core.samples.SampleStyler;
import org.singanseg.studio.core.samples.SampleWriter;
import org.singanseg.studio.core.samples.Thumbnails;
import org.singanseg.studio.ui.common.EngineJob;
import org.singanseg.studio.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.scene.image.Image;

/**
 * Samples a project's model on the engine thread: the diversity preview and the generation of
 * many pairs into the project's catalog, with progress and cancel. The model is loaded once and
 * kept while its file is unchanged. Methods are called on the UI thread; results come back there.
 */
public final class GenerateService extends EngineJob {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateService.class);

    /** What the controls need to know of a model: scales and the finest size. */
    public record ModelInfo(int scales, int height, int width) {
    }

    private final BiConsumer<SampleCatalog, List<SampleRecord>> made;
    private final AtomicLong latestPreview = new AtomicLong();
    private final ConcurrentLinkedQueue<SampleRecord> madeQueue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger madeCount = new AtomicInteger();
    private int total = 1;
    private SampleCatalog target;

    // Engine thread only.
    private Path loadedFile;
    private long loadedStamp;
    private Sampler sampler;
    private SinGanModel model;

    /**
     * @param made receives new samples and the catalog they went into on the UI thread, in batches
     */
    public GenerateService(Executor engine, Executor ui, BiConsumer<SampleCatalog, List<SampleRecord>> made) {
        super(engine, ui);
        this.made = made;
    }

    /** Loads the model and hands its scale count and size to {@code done}. */
    public void describe(Path modelFile, Consumer<ModelInfo> done) {
        engine.execute(() -> {
            try {
                Sampler loaded = samplerFor(modelFile);
                var finest = model.scales().get(model.scales().size() - 1);
                ModelInfo info = new ModelInfo(loaded.scales(), finest.height(), finest.width());
                ui.execute(() -> {
                    if (!runningProperty().get()) {
                        messageProperty().set("");
                    }
                    done.accept(info);
                });
            } catch (Exception e) {
                LOG.warn("Model {} not usable", modelFile, e);
                ui.execute(() -> messageProperty().set("The model cannot be used: " + UserMessages.describe(e)));
            }
        });
    }

    /**
     * The first four pairs Generate will make (mask floor included), as thumbnails; only the latest
     * request is answered, so dragging the diversity slider does not queue stale previews.
     */
    public void preview(Path modelFile, int startScale, long seed, MaskFloor maskFloor, Consumer<List<Image>> done) {
        long ticket = latestPreview.incrementAndGet();
        engine.execute(() -> {
            if (ticket != latestPreview.get()) {
                return;
            }
            try {
                Sampler loaded = samplerFor(modelFile);
                List<Image> images = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    SamplePair pair = maskFloor.draw(loaded, seed, i, startScale, 1, 1).pair();
                    images.add(MaskedImages.render(MaskedImages.pixelsOf(Thumbnails.of(pair.rgb(), pair.mask())),
                            MaskStyle.OUTLINE));
                }
                ui.execute(() -> {
                    if (ticket == latestPreview.get()) {
                        done.accept(images);
                    }
                });
            } catch (Exception e) {
                LOG.warn("Preview failed", e);
                ui.execute(() -> messageProperty().set("No preview: " + UserMessages.describe(e)));
            }
        });
    }

    /**
     * Generates into the catalog, with a styled copy of every pair unless {@code style} is NONE;
     * new samples reach the gallery as they are made.
     */
    public void generate(Project project, Path modelFile, SampleCatalog catalog, GenerationRequest request,
                         StyleChoice style) {
        int perPair = style == StyleChoice.NONE ? 1 : 2;
        String what = String.format(Locale.ROOT, "Generating %d pairs with seed %d%s…", request.count(), request.seed(),
                style == StyleChoice.NONE ? "" : ", each also styled (" + style + ")");
        run(catalog, request.count() * perPair, what, () -> {
            Sampler loaded = samplerFor(modelFile);
            Planes real = ProjectGallery.realAtModelSize(project, model);
            new SampleGenerator(loaded, ProjectGallery.writer(catalog, modelFile, real), catalog, style.styler(real))
                    .run(request, this::madeOne, cancelRequested::get);
            return "Generated " + request.count() + " pairs" + (perPair == 2 ? " and their styled copies." : ".");
        });
    }

    /** Stores a styled copy of each given sample beside it, with the same mask. */
    public void style(Project project, Path modelFile, SampleCatalog catalog, List<SampleRecord> sources,
                      StyleChoice style) {
        run(catalog, sources.size(), "Styling " + sources.size() + " pairs (" + style + ")…", () -> {
            samplerFor(modelFile);
            Planes real = ProjectGallery.realAtModelSize(project, model);
            SampleStyler styler = style.styler(real);
            SampleWriter writer = ProjectGallery.writer(catalog, modelFile, real);
            try {
                for (SampleRecord source : sources) {
                    if (cancelRequested.get()) {
                        throw new CancellationException();
                    }
                    if (catalog.get(source.name()) == null) {
                        continue; // deleted meanwhile
                    }
                    SamplePair pair = new SamplePair(TrainingPair.toRgb(ImageFiles.read(catalog.imageFile(source.name()))),
                            Masks.fromMaskImage(ImageFiles.read(catalog.maskFile(source.name()))));
                    madeOne(writer.write(styler.style(pair, cancelRequested::get),
                            SampleWriter.Origin.of(source).withStyle(styler.describe())));
                }
            } finally {
                catalog.save();
            }
            return "Styled " + sources.size() + " pairs; each copy sits beside its source in the gallery.";
        });
    }

    private void run(SampleCatalog catalog, int expected, String what, Work work) {
        if (runningProperty().get()) {
            return;
        }
        madeCount.set(0);
        total = Math.max(1, expected);
        target = catalog;
        start(work, what, () -> "Stopped after " + madeCount.get() + " new samples; they stay in the gallery.");
    }

    @Override
    protected void beforeEnd() {
        drain();
    }

    private void madeOne(SampleRecord record) {
        madeQueue.add(record);
        madeCount.incrementAndGet();
        scheduleDrain();
    }

    /** The catalog a running generation or styling writes into (UI thread), else null. */
    public SampleCatalog activeCatalog() {
        return runningProperty().get() ? target : null;
    }

    /** One UI update for however many samples were made since the last one. */
    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<SampleRecord> batch = new ArrayList<>();
        SampleRecord record;
        while ((record = madeQueue.poll()) != null) {
            batch.add(record);
        }
        progressProperty().set((double) madeCount.get() / total);
        if (!batch.isEmpty()) {
            made.accept(target, batch);
        }
    }

    private Sampler samplerFor(Path modelFile) throws Exception {
        long stamp = Files.getLastModifiedTime(modelFile).toMillis();
        if (sampler == null || !modelFile.equals(loadedFile) || stamp != loadedStamp) {
            model = ModelFile.load(modelFile);
            sampler = new Sampler(model);
            loadedFile = modelFile;
            loadedStamp = stamp;
        }
        return sampler;
    }
}
