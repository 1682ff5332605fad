package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam over all parameters of one net, with PyTorch's update rule (the reference uses PyTorch):
 * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 */
public final class Adam {
    public static final double EPSILON = 1e-8;

    private final Sequential net;
    private final double beta1;
    private final double beta2;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final INDArray scratch;
    private long step;

    public Adam(Sequential net, double beta1, double beta2) {
        this.net = net;
        this.beta1 = beta1;
        this.beta2 = beta2;
        INDArray p = net.parameters();
        firstMoment = Nd4j.zeros(p.dataType(), p.length());
        secondMoment = Nd4j.zeros(p.dataType(), p.length());
        scratch = Nd4j.zeros(p.dataType(), p.length());
    }

    /** SinGAN's betas: 0.5 and 0.999. */
    public static Adam singan(Sequential net) {
        return new Adam(net, 0.5, 0.999);
    }

    /** Applies one update with the net's accumulated gradients. */
    public void step(double learningRate) {
        step++;
        INDArray g = net.gradients();
        firstMoment.muli(beta1).addi(scratch.assign(g).muli(1 - beta1));
        secondMoment.muli(beta2).addi(scratch.assign(g).muli(g).muli(1 - beta2));
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        // scratch = sqrt(v / bc2) + eps; update = lr / bc1 * m / scratch
        Transforms.sqrt(scratch.assign(secondMoment).divi(biasCorrection2), false).addi(EPSILON);
        scratch.rdivi(firstMoment).muli(learningRate / biasCorrection1);
        net.parameters().subi(scratch);
    }
}
