package org.singanseg.studio.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.singanseg.studio.core.nn.compute.HostValues;

/**
 * Adam over all parameters of one net, with PyTorch's update rule (the reference uses PyTorch):
 * m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 *
 * <p>One Java loop over the net's flat parameter and gradient arrays does the whole update, with
 * the moments kept in Java (in double). It replaces ten libnd4j elementwise ops per step (scaled
 * copies, squares, sqrt, divides and in-place updates): at the coarse scales a net has about 30k
 * parameters, so those ops cost their call overhead, several times the arithmetic itself.
 */
public final class Adam {
    public static final double EPSILON = 1e-8;
    public static final double DEFAULT_BETA2 = 0.999;

    private final Sequential net;
    private final double beta1;
    private final double beta2;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private final double[] parameters;
    private final double[] gradients;
    private final HostValues values = new HostValues();
    private long step;

    public Adam(Sequential net, double beta1, double beta2) {
        this.net = net;
        this.beta1 = beta1;
        this.beta2 = beta2;
        int n = Math.toIntExact(net.parameters().length());
        firstMoment = new double[n];
        secondMoment = new double[n];
        parameters = new double[n];
        gradients = new double[n];
    }

    /**
     * Adam with the given beta1 and PyTorch's default beta2 (0.999), which both SinGAN and the
     * segmentation nets keep. beta1 comes from the caller's settings (SinGAN's is a training
     * setting), so no constant here can silently override it.
     */
    public static Adam withBeta1(Sequential net, double beta1) {
        return new Adam(net, beta1, DEFAULT_BETA2);
    }

    /** Applies one update with the net's accumulated gradients. */
    public void step(double learningRate) {
        step++;
        INDArray p = net.parameters();
        int n = parameters.length;
        values.read(p, 0, n, parameters);
        values.read(net.gradients(), 0, n, gradients);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = learningRate / (1 - Math.pow(beta1, step));
        for (int i = 0; i < n; i++) {
            double g = gradients[i];
            double m = beta1 * firstMoment[i] + (1 - beta1) * g;
            double v = beta2 * secondMoment[i] + (1 - beta2) * g * g;
            firstMoment[i] = m;
            secondMoment[i] = v;
            parameters[i] -= stepSize * m / (Math.sqrt(v / biasCorrection2) + EPSILON);
        }
        values.write(parameters, p, 0, n);
    }
}
