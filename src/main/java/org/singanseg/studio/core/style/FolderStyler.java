package org.singanseg.studio.core.style;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.image.ImageFiles;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.CsvTable;

/**
 * Styles every image of a folder ({@link StyleInputs}) with one real image into an output folder:
 * the styled image as PNG, its mask copied byte for byte (style transfer never changes a mask),
 * and {@value #MANIFEST} with one row per styled pair saying how it was made. Each file is written
 * atomically and the manifest is rewritten after every image, so a cancelled run leaves complete
 * pairs that the manifest lists.
 */
public final class FolderStyler {
    public static final String MANIFEST = "style.csv";
    private static final List<String> COLUMNS = List.of("image", "mask", "source_image", "source_mask", "style_image",
            "method", "settings", "seconds");

    /** Progress of a folder, on the engine thread. */
    public interface Listener {
        /** @param index 0-based */
        void imageStarted(int index, int count, StyleInput input);

        void step(int step, int steps, StyleLosses losses);

        void imageFinished(int index, int count, StyleInput input, double seconds);
    }

    private final StyleMethod method;
    private final Listener listener;
    private final BooleanSupplier cancelled;

    public FolderStyler(StyleMethod method, Listener listener, BooleanSupplier cancelled) {
        this.method = method;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * @return how many pairs were styled
     * @throws CancellationException when cancelled; finished pairs stay, listed in the manifest
     */
    public int style(Path in, Path realImage, Path out) throws InvalidInputException, IOException {
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new InvalidInputException("The output folder must not be the input folder: the styled pairs are kept "
                    + "next to the unstyled ones, not over them.");
        }
        List<StyleInput> inputs = StyleInputs.scan(in);
        Planes real = ImageFiles.read(realImage);
        CsvTable manifest = new CsvTable(COLUMNS);
        for (int i = 0; i < inputs.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Style transfer cancelled");
            }
            StyleInput input = inputs.get(i);
            listener.imageStarted(i, inputs.size(), input);
            long start = System.nanoTime();
            Planes styled = method.apply(ImageFiles.read(input.image()), real, listener::step, cancelled);
            PngFiles.write(PngFiles.rgb(styled), out.resolve(input.outputImage()));
            if (input.mask() != null) {
                AtomicFiles.write(out.resolve(input.outputMask()), stream -> Files.copy(input.mask(), stream));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            manifest.row(List.of(input.outputImage(), input.outputMask() == null ? "" : input.outputMask(),
                    input.image().toString(), input.mask() == null ? "" : input.mask().toString(), realImage.toString(),
                    method.name(), method.describe(), CsvTable.decimal(seconds)));
            byte[] bytes = manifest.bytes();
            AtomicFiles.write(out.resolve(MANIFEST), stream -> stream.write(bytes));
            listener.imageFinished(i, inputs.size(), input, seconds);
        }
        return inputs.size();
    }
}
