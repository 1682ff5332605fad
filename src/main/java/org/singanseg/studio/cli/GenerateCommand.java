package org.singanseg.studio.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.singanseg.studio.core.gan.MaskFloor;
import org.singanseg.studio.core.gan.SamplePair;
import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.PngFiles;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.samples.GenerateFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates synthetic image/mask pairs from a model, in the Kvasir-SEG layout: "
                + "images/NNNN.png, masks/NNNN.png (0/255) and manifest.csv.",
                "manifest.csv lists each pair as soon as it is written; run the same command again after a stop "
                        + "(Ctrl+C, a full disk, a kill) to make the rest.",
                "--project DIR instead of --model and --out: adds the pairs to the project's gallery, as the app's "
                        + "Generate does."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "A trained model file.")
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

    @Option(names = "--out", description = "Folder for the pairs.")
    Path out;

    @Mixin
    MaskFloorOption maskFloorOption;

    @Option(names = "--project", paramLabel = "DIR",
            description = "A trained project: the pairs go to its gallery (instead of --model and --out).")
    Path project;

    @Override
    public Integer call() throws Exception {
        if (project != null) {
            return ProjectGenerate.run(this);
        }
        if (modelFile == null || out == null) {
            throw new IllegalArgumentException("generate needs --model and --out, or --project DIR.");
        }
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("--count must be between 1 and 100000.");
        }
        MaskFloor maskFloor = maskFloorOption.floor();
        SinGanModel model = ModelFile.load(modelFile);
        Sampler sampler = new Sampler(model);
        // Before the output folder exists, so that a refused option leaves nothing behind.
        sampler.check(startScale, scaleV, scaleH);
        OutputPlaces.checkFolder(out);
        try (GenerateFolder folder = GenerateFolder.open(out)) {
            // A rerun of the same command (without --seed) goes on with the seed of the pairs listed.
            Long listedSeed = folder.listedSeed();
            long runSeed = seed != null ? seed
                    : listedSeed != null ? listedSeed : new SecureRandom().nextLong() & Long.MAX_VALUE;
            GenerateFolder.Run run = new GenerateFolder.Run(runSeed, startScale, scaleH, scaleV, maskFloor,
                    modelFile.getFileName().toString());
            folder.checkSameRun(run);
            Set<Integer> finished = folder.finished();
            System.out.printf(Locale.ROOT, "Generating %d pair%s with seed %d, start scale %d of %d, size x%.2f wide, "
                            + "x%.2f high%n", count, count == 1 ? "" : "s", runSeed, startScale, sampler.scales(), scaleH,
                    scaleV);
            Drawing drawing;
            try (ShutdownCancel cancel = new ShutdownCancel()) {
                drawing = Output.writingInto(out, () -> write(sampler, model, run, folder, finished, cancel));
            } catch (CancellationException e) {
                System.out.println();
                System.out.println("Stopped. The pairs made so far are listed in " + GenerateFolder.MANIFEST
                        + "; run the same command again to make the rest.");
                return TrainCommand.CANCELLED;
            }
            int kept = count - drawing.made;
            System.out.println("Wrote " + drawing.made + " pair" + (drawing.made == 1 ? "" : "s")
                    + (kept > 0 ? " (" + kept + " were there already)" : "") + " to " + out.toAbsolutePath()
                    + ": images/, masks/ and " + GenerateFolder.MANIFEST);
            if (drawing.redrawn > 0) {
                System.out.printf(Locale.ROOT, "%d of them drawn again for a mask under %s of the image%s.%n",
                        drawing.redrawn, maskFloor.percent(), drawing.belowFloor == 0 ? ""
                                : "; " + drawing.belowFloor + " still under it after " + MaskFloor.MAX_DRAWS
                                + " draws (the largest mask kept)");
            }
        }
        return 0;
    }

    /** What a run made: pairs written, how many of them were drawn more than once, how many stayed under the floor. */
    private static final class Drawing {
        int made;
        int redrawn;
        int belowFloor;
    }

    /** Makes the pairs not finished yet, each listed as soon as its files are written. */
    private Drawing write(Sampler sampler, SinGanModel model, GenerateFolder.Run run, GenerateFolder folder,
                          Set<Integer> finished, BooleanSupplier cancelled) throws Exception {
        folder.start(finished);
        Drawing drawing = new Drawing();
        for (int i = 0; i < count; i++) {
            if (finished.contains(i)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Generating stopped");
            }
            MaskFloor.Drawn drawn = run.maskFloor().draw(sampler, run.seed(), i, startScale, scaleV, scaleH);
            SamplePair pair = drawn.pair();
            PngFiles.write(PngFiles.rgb(pair.rgb()), folder.imageFile(i));
            PngFiles.write(PngFiles.mask(pair.mask(), pair.rgb().width(), pair.rgb().height()), folder.maskFile(i));
            folder.append(i, run, drawn, model.source());
            drawing.made++;
            drawing.redrawn += drawn.draw() > 0 ? 1 : 0;
            drawing.belowFloor += drawn.belowFloor() ? 1 : 0;
            System.out.printf("\r  %d/%d", i + 1, count);
        }
        System.out.println();
        return drawing;
    }
}
