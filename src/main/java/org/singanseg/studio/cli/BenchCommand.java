package org.singanseg.studio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.singanseg.studio.core.engine.AppVersion;
import org.singanseg.studio.core.engine.Backend;
import org.singanseg.studio.core.engine.EngineThreads;
import org.singanseg.studio.core.engine.OpenMpWaiting;
import org.singanseg.studio.core.gan.Preset;
import org.singanseg.studio.core.gan.ScaleNets;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.compute.DirectOneDnn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Speed of SinGAN's per-scale networks against the machine's raw convolution throughput, or of a
 * training run, or of the segmentation U-Net, or of style transfer.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times a SinGAN generator and critic (forward + backward) per input size and width, "
                + "next to the raw conv2d throughput for the same shapes.")
public final class BenchCommand implements Callable<Integer> {
    private static final int CHANNELS = 4;

    @Option(names = "--sizes", split = ",", description = "Input sizes WxH (default: ${DEFAULT-VALUE}).",
            defaultValue = "25x19,50x38,100x75,188x141,250x188")
    List<String> sizes;

    @Option(names = "--widths", split = ",", description = "Network widths nfc (default: ${DEFAULT-VALUE}).",
            defaultValue = "32,64,128")
    List<Integer> widths;

    @Option(names = "--seconds", description = "Minimum timed seconds per measurement (default: ${DEFAULT-VALUE}).",
            defaultValue = "1.0")
    double seconds;

    @Option(names = "--memory-steps", description = "Instead of timing, run this many training steps "
            + "(critic with penalty, generator, Adam) and print resident memory along the way.")
    int memorySteps;

    @Option(names = "--train", description = "Instead of timing layers, train a model (the --preset, default "
            + Preset.DEFAULT_ID + ") on a pair (default: the demo pair) and print per-scale timings and a contact "
            + "sheet of samples.")
    boolean train;

    @Option(names = "--segmentation", description = "Instead of timing SinGAN, time the segmentation U-Net "
            + "(default settings: a training step on a mini-batch and a one-image forward pass).")
    boolean segmentation;

    @Option(names = "--style", description = "Instead of timing SinGAN, time neural style transfer (VGG19 of the "
            + "real shape with random weights: seconds per 100 steps at 250x188 and 128x96, and one image with the "
            + "default settings).")
    boolean style;

    @Option(names = "--image", description = "With --train: the real image (default: the bundled demo image).")
    Path image;

    @Option(names = "--mask", description = "With --train: its mask (default: the bundled demo mask).")
    Path mask;

    @Option(names = "--scales", description = "With --train: time only this many of the coarsest scales "
            + "(0: all; no contact sheet when fewer).")
    int scales;

    @Option(names = "--contact-sheet", defaultValue = "bench-contact-sheet.png",
            description = "With --train: where to write the contact sheet (default: ${DEFAULT-VALUE}).")
    Path contactSheet;

    @Mixin
    SettingsOptions settings;

    @Override
    public Integer call() throws Exception {
        System.out.println("SinGAN-Seg Studio " + AppVersion.get() + " bench");
        System.out.println("Engine: " + Backend.describe() + (Backend.hasOneDnn() ? " [native build has HAVE_ONEDNN]" : "")
                + "; " + DirectOneDnn.describe());
        Backend.cpuModel().ifPresent(model -> System.out.println("CPU: " + model));
        System.out.println("OpenMP waiting: " + OpenMpWaiting.describe(System.getenv())
                + (OpenMpWaiting.isRecommended(System.getenv()) ? "" : " (the app runs with "
                + OpenMpWaiting.describe(OpenMpWaiting.APP_VALUES) + "; README, Engine speed)"));
        if (memorySteps > 0) {
            new MemoryCheck(System.out).run(memorySteps);
            return 0;
        }
        if (segmentation) {
            new SegmentationBenchmark(System.out).run(seconds);
            return 0;
        }
        if (style) {
            new StyleBenchmark(System.out).run(seconds);
            return 0;
        }
        if (train) {
            Path img = image != null ? image : DemoPair.image();
            Path msk = image != null ? mask : DemoPair.mask();
            new TrainBenchmark(System.out).run(TrainingPair.load(img, msk), settings.resolve(), scales,
                    contactSheet);
            return 0;
        }
        System.out.println("Per forward+backward pass, float32, batch 1, input padded by "
                + ScaleNets.PADDING + " px; FLOPs are the convolutions' (3x forward); thr = threads "
                + "(training uses one below " + EngineThreads.SINGLE_THREAD_BELOW_PIXELS + " px).");
        System.out.println();
        System.out.printf("%-5s %-9s %4s %4s %10s %9s %10s %9s %7s%n",
                "net", "size", "nfc", "thr", "ms/pass", "GFLOP/s", "raw ms", "raw GF/s", "ratio");
        for (String size : sizes) {
            String[] wh = size.toLowerCase().split("x");
            int w = Integer.parseInt(wh[0].trim());
            int h = Integer.parseInt(wh[1].trim());
            for (int width : widths) {
                row("G", ScaleNets.generator(DataType.FLOAT, CHANNELS, width, true), w, h, width);
                row("D", ScaleNets.critic(DataType.FLOAT, CHANNELS, width, true), w, h, width);
            }
        }
        return 0;
    }

    private void row(String name, Sequential net, int w, int h, int width) {
        // Release the previous rows' native arrays first: they go only when their Java objects are
        // collected, and hundreds of megabytes of stale buffers slowed the later rows down. Then
        // give ND4J's deallocator thread time to finish, so it does not compete with the timing.
        System.gc();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        net.initialise(new Random(1));
        long paddedH = h + 2L * ScaleNets.PADDING;
        long paddedW = w + 2L * ScaleNets.PADDING;
        INDArray input = Nd4j.rand(DataType.FLOAT, 1, paddedH, paddedW, CHANNELS).subi(0.5).muli(2);
        INDArray gradOut = Nd4j.rand(DataType.FLOAT, net.forward(input).shape());
        // The thread count training uses for this image size (one thread for the smallest).
        int previousThreads = EngineThreads.useFor(h, w);
        try {
            double stackMs = Stopwatch.medianMillis(() -> {
                net.forward(input);
                net.backward(gradOut, true);
            }, 2, 3, seconds);
            RawConvolutions raw = new RawConvolutions(net, 1, paddedH, paddedW);
            double rawMs = Stopwatch.medianMillis(raw::run, 2, 3, seconds);
            double flops = 3 * net.forwardFlops(1, paddedH, paddedW);
            System.out.printf("%-5s %-9s %4d %4d %10.2f %9.1f %10.2f %9.1f %6.0f%%%n", name, w + "x" + h, width,
                    Backend.threads(), stackMs, flops / stackMs / 1e6, rawMs, flops / rawMs / 1e6, 100 * rawMs / stackMs);
        } finally {
            EngineThreads.set(previousThreads);
        }
    }
}
