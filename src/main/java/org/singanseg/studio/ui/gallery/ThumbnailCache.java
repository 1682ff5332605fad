package org.singanseg.studio.ui.gallery;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.Masks;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.scene.image.Image;

/**
 * Gallery thumbnails as the grid shows them: read from the disk cache (made again from the pair's
 * files if missing), drawn with the mask style on a background thread, and kept in memory for the
 * most recently shown few hundred, so scrolling through 10,000 samples stays smooth. Called on the
 * UI thread; callbacks run there too.
 */
public final class ThumbnailCache {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailCache.class);
    private static final int CAPACITY = 400; // about 100 MB of 256 px thumbnails

    private record Key(SampleCatalog catalog, String name, MaskStyle style) {
    }

    private final Executor loader;
    private final Executor ui;
    private final Map<Key, Image> images = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Image> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<Key, List<Consumer<Image>>> waiting = new HashMap<>();
    /** Keys some cell still waits for; the loader skips the others (read on the loader thread). */
    private final Set<Key> wanted = ConcurrentHashMap.newKeySet();

    public ThumbnailCache(Executor loader, Executor ui) {
        this.loader = loader;
        this.ui = ui;
    }

    /**
     * One background thread that takes the newest request first: after a fast scroll the cells in
     * view load before the ones scrolled past.
     */
    public static ExecutorService newestFirstLoader() {
        BlockingQueue<Runnable> stack = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable task) {
                return offerFirst(task);
            }
        };
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, stack, runnable -> {
            Thread thread = new Thread(runnable, "thumbnails");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Hands the thumbnail to {@code done}: at once when cached, else after loading (not if it fails).
     *
     * @return withdraws the request (a cell that shows another sample now): a thumbnail nobody
     *         waits for any more is not loaded, so a fast scroll past thousands costs nothing
     */
    public Runnable get(SampleCatalog catalog, String name, MaskStyle style, Consumer<Image> done) {
        Key key = new Key(catalog, name, style);
        Image cached = images.get(key);
        if (cached != null) {
            done.accept(cached);
            return () -> { };
        }
        List<Consumer<Image>> callbacks = waiting.get(key);
        if (callbacks == null) {
            callbacks = new ArrayList<>();
            waiting.put(key, callbacks);
            wanted.add(key);
            loader.execute(() -> loadFor(key));
        }
        callbacks.add(done);
        return () -> withdraw(key, done);
    }

    private void withdraw(Key key, Consumer<Image> done) {
        List<Consumer<Image>> callbacks = waiting.get(key);
        if (callbacks != null && callbacks.remove(done) && callbacks.isEmpty()) {
            waiting.remove(key);
            wanted.remove(key);
        }
    }

    private void loadFor(Key key) {
        if (!wanted.contains(key)) {
            return;
        }
        Image image = load(key);
        ui.execute(() -> {
            if (image != null) {
                images.put(key, image);
            }
            List<Consumer<Image>> toCall = waiting.remove(key);
            wanted.remove(key);
            if (image != null && toCall != null) {
                toCall.forEach(c -> c.accept(image));
            }
        });
    }

    private static Image load(Key key) {
        try {
            var file = key.catalog().thumbnailFile(key.name());
            if (!Files.isRegularFile(file)) {
                Planes rgb = TrainingPair.toRgb(ImageFiles.read(key.catalog().imageFile(key.name())));
                boolean[] mask = Masks.fromMaskImage(ImageFiles.read(key.catalog().maskFile(key.name())));
                Thumbnails.write(rgb, mask, file);
            }
            return MaskedImages.render(MaskedImages.readThumbnail(file), key.style());
        } catch (Exception e) {
            LOG.warn("No thumbnail for {}: {}", key.name(), e.getMessage());
            return null;
        }
    }
}
