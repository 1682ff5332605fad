package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.io.AtomicFiles;
import org.singanseg.studio.core.io.CsvTable;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.model.ModelFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates synthetic image/mask pairs (NNNN_img.png, NNNN_mask.png, samples.csv) from a model.")
public final class GenerateCommand implements Callable<Integer> {
    static final String SAMPLES_CSV = "samples.csv";
    private static final List<String> COLUMNS = List.of("index", "image", "mask", "seed", "start_scale", "scale_h",
            "scale_v", "width", "height", "mask_coverage", "model");

    @Option(names = "--model", required = true, description = "A trained model file.")
    Path modelFile;

    @Option(names = "--count", defaultValue = "10", description = "How many pairs (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", description = "Random seed (default: a random one, printed).")
    Long seed;

    @Option(names = "--start-scale", defaultValue = "0",
            description = "0 = most diverse; higher keeps closer to the real image (default: ${DEFAULT-VALUE}).")
    int startScale;

    @Option(names = "--scale-h", defaultValue = "1", description = "Width factor of the output (default: ${DEFAULT-VALUE}).")
    double scaleH;

    @Option(names = "--scale-v", defaultValue = "1", description = "Height factor of the output (default: ${DEFAULT-VALUE}).")
    double scaleV;

    @Option(names = "--out", required = true, description = "Folder for the pairs.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("--count must be between 1 and 100000.");
        }
        SinGanModel model = ModelFile.load(modelFile);
        Sampler sampler = new Sampler(model);
        // Before the output folder exists, so that a refused option leaves nothing behind.
        sampler.check(startScale, scaleV, scaleH);
        long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        System.out.printf(Locale.ROOT, "Generating %d pair%s with seed %d, start scale %d of %d, size x%.2f wide, x%.2f high%n",
                count, count == 1 ? "" : "s", runSeed, startScale, sampler.scales(), scaleH, scaleV);
        OutputPlaces.checkFolder(out);
        Output.writingInto(out, () -> write(sampler, runSeed));
        System.out.println("Wrote " + count + " pairs and " + SAMPLES_CSV + " to " + out.toAbsolutePath());
        return 0;
    }

    private Void write(Sampler sampler, long runSeed) throws Exception {
        Files.createDirectories(out);
        CsvTable csv = new CsvTable(COLUMNS);
        for (int i = 0; i < count; i++) {
            SamplePair pair = SamplePair.fromOutput(sampler.sample(runSeed, i, startScale, scaleV, scaleH));
            String image = String.format(Locale.ROOT, "%04d_img.png", i);
            String mask = String.format(Locale.ROOT, "%04d_mask.png", i);
            PngFiles.write(PngFiles.rgb(pair.rgb()), out.resolve(image));
            PngFiles.write(PngFiles.mask(pair.mask(), pair.rgb().width(), pair.rgb().height()), out.resolve(mask));
            csv.row(List.of(Integer.toString(i), image, mask, Long.toString(runSeed), Integer.toString(startScale),
                    fixed(4, scaleH), fixed(4, scaleV), Integer.toString(pair.rgb().width()),
                    Integer.toString(pair.rgb().height()), fixed(5, pair.maskCoverage()),
                    modelFile.getFileName().toString()));
            System.out.printf("\r  %d/%d", i + 1, count);
        }
        System.out.println();
        byte[] bytes = csv.bytes();
        AtomicFiles.write(out.resolve(SAMPLES_CSV), o -> o.write(bytes));
        return null;
    }

    private static String fixed(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
