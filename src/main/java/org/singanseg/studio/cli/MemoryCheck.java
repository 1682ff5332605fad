package org.singanseg.studio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.gan.ScaleNets;
import org.singanseg.studio.core.gan.SinGanLoss;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.nn.Adam;
import org.singanseg.studio.core.nn.Sequential;
import org.singanseg.studio.core.nn.compute.NativeGarbage;

/**
 * Runs training-shaped steps (SinGAN's critic and generator losses, Adam on both) and prints the
 * process's resident memory and JavaCPP's native allocations, to show that neither grows from step
 * to step. The optimiser and loss weights are the paper preset's.
 */
final class MemoryCheck {
    private static final int WIDTH = 32;
    private static final int HEIGHT = 19 + 2 * ScaleNets.PADDING;
    private static final int WIDTH_PX = 25 + 2 * ScaleNets.PADDING;

    private final PrintStream out;

    MemoryCheck(PrintStream out) {
        this.out = out;
    }

    void run(int steps) {
        Random random = new Random(7);
        Sequential generator = ScaleNets.generator(DataType.FLOAT, 4, WIDTH, true);
        Sequential critic = ScaleNets.critic(DataType.FLOAT, 4, WIDTH, true);
        generator.initialise(random);
        critic.initialise(random);
        TrainingSettings paper = TrainingSettings.paper();
        Adam generatorAdam = Adam.withBeta1(generator, paper.beta1());
        Adam criticAdam = Adam.withBeta1(critic, paper.beta1());
        SinGanLoss loss = new SinGanLoss(paper);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 1, HEIGHT, WIDTH_PX, 4);
        INDArray real = Nd4j.rand(DataType.FLOAT, 1, 19, 25, 4).subi(0.5).muli(2);
        INDArray fake = Nd4j.create(DataType.FLOAT, 1, 19, 25, 4);
        // The generator's batch: a fake from noise, and the reconstruction from zeros.
        INDArray generatorBatch = Nd4j.concat(0, noise, Nd4j.zeros(DataType.FLOAT, 1, HEIGHT, WIDTH_PX, 4));

        Runnable step = () -> {
            critic.zeroGradients();
            fake.assign(generator.forward(noise));
            loss.critic(critic, real, fake, random.nextDouble());
            criticAdam.step(paper.learningRateD());

            generator.zeroGradients();
            INDArray generated = generator.forward(generatorBatch);
            fake.assign(generated.get(NDArrayIndex.interval(0, 1)));
            INDArray reconstruction = generated.get(NDArrayIndex.interval(1, 2));
            generator.backwardParameters(loss.generator(critic, fake, reconstruction, real).gradient());
            generatorAdam.step(paper.learningRateG());
        };
        NativeGarbage garbage = NativeGarbage.standard();
        int warmup = Math.min(200, steps);
        for (int i = 0; i < warmup; i++) {
            step.run();
            garbage.collectIfDue();
        }
        out.println("Training-shaped steps at 25x19, width " + WIDTH
                + ". RSS = whole process; heap = Java heap committed; off-heap = RSS - heap.");
        out.printf("%8s %10s %10s %12s%n", "step", "RSS MiB", "heap MiB", "off-heap MiB");
        report(0);
        int reports = 10;
        for (int i = 1; i <= steps; i++) {
            step.run();
            garbage.collectIfDue();
            if (i % Math.max(1, steps / reports) == 0 || i == steps) {
                report(i);
            }
        }
    }

    private void report(int step) {
        double heap = Runtime.getRuntime().totalMemory() / 1048576.0;
        double rss = residentMiB();
        out.printf("%8d %10.1f %10.1f %12.1f%n", step, rss, heap, rss - heap);
    }

    /** Resident set size from /proc (Linux); NaN elsewhere. */
    static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
