package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.style.ColourMatch;
import org.singanseg.studio.core.style.FolderStyler;
import org.singanseg.studio.core.style.NeuralStyle;
import org.singanseg.studio.core.style.NeuralStyleSettings;
import org.singanseg.studio.core.style.StyleMethod;
import org.singanseg.studio.core.style.VggWeightsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "style", mixinStandardHelpOptions = true,
        description = "Gives synthetic images the look of the real image: neural style transfer (VGG19 features, "
                + "SinGAN-Seg's second step) or a fast colour match. Masks are copied unchanged; the settings go to "
                + FolderStyler.MANIFEST + " in the output folder.")
public final class StyleCommand implements Callable<Integer> {

    /** The two methods, named on the command line. */
    enum Method { neural, colour }

    @Option(names = "--in", required = true,
            description = "Folder of synthetic pairs: images/ + masks/, or NAME_img.png + NAME_mask.png.")
    Path in;

    @Option(names = "--style", required = true, description = "The real image whose look to carry over.")
    Path realImage;

    @Option(names = "--out", required = true, description = "Output folder (same layout as --in); not --in itself.")
    Path out;

    @Option(names = "--method", defaultValue = "neural",
            description = "neural (VGG19 weights needed) or colour (Lab colour statistics, instant, no weights; "
                    + "colours only). Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--weights", description = "The VGG19 weights file (default: the app's data folder, "
            + "~/.singan-seg-studio/models/" + VggWeightsFile.FILE_NAME + ").")
    Path weights;

    @Option(names = "--steps", defaultValue = "" + NeuralStyleSettings.DEFAULT_STEPS,
            description = "L-BFGS steps per image (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--content-layer", defaultValue = NeuralStyleSettings.DEFAULT_CONTENT_LAYER,
            description = "VGG19 layer whose features the image keeps, conv1_1 .. conv5_4 (default: ${DEFAULT-VALUE}).")
    String contentLayer;

    @Option(names = "--content-weight", defaultValue = "1", description = "Content loss weight (default: ${DEFAULT-VALUE}).")
    double contentWeight;

    @Option(names = "--style-weight", defaultValue = "" + NeuralStyleSettings.DEFAULT_STYLE_WEIGHT,
            description = "Style loss weight (default: ${DEFAULT-VALUE}).")
    double styleWeight;

    @Option(names = "--feature-side", defaultValue = "" + NeuralStyleSettings.DEFAULT_FEATURE_SIDE,
            description = "Optimise at most at this longest side and scale the change up (0: full size; "
                    + "default: ${DEFAULT-VALUE}).")
    int featureSide;

    @Override
    public Integer call() throws Exception {
        OutputPlaces.checkFolder(out);
        StyleMethod styleMethod = method == Method.colour ? new ColourMatch() : neural();
        System.out.println(styleMethod.name() + ": " + styleMethod.describe());
        int count;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            FolderStyler styler = new FolderStyler(styleMethod, new StyleConsole(System.out, System.console() != null),
                    cancel);
            count = Output.writingInto(out, () -> styler.style(in, realImage, out));
        } catch (CancellationException e) {
            System.out.println();
            System.out.println("Stopped. The pairs finished so far are in " + out + " and listed in "
                    + FolderStyler.MANIFEST + ".");
            return TrainCommand.CANCELLED;
        }
        System.out.printf(Locale.ROOT, "Styled %d image%s into %s (settings in %s).%n", count, count == 1 ? "" : "s", out,
                FolderStyler.MANIFEST);
        return 0;
    }

    private StyleMethod neural() throws InvalidInputException {
        NeuralStyleSettings settings = new NeuralStyleSettings(steps, contentLayer, contentWeight, styleWeight, featureSide);
        Path file = weights != null ? weights : VggWeightsFile.defaultLocation();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Neural style transfer needs " + VggWeightsFile.DESCRIPTION
                    + ", the ImageNet-trained network whose features describe style, and it is not at " + file + ". "
                    + "Put the file at " + VggWeightsFile.defaultLocation() + " (where the app looks for it) or give "
                    + "its place with --weights FILE. Or use --method colour, which needs no weights file "
                    + "(it matches colours only, not textures).");
        }
        return new NeuralStyle(VggWeightsFile.read(file), settings);
    }
}
