package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central-difference gradient checks in double precision. */
public final class GradientCheck {
    static final double STEP = 1e-6;
    /** Below this absolute difference two tiny gradients count as equal. */
    static final double ABSOLUTE_FLOOR = 1e-8;

    /**
     * The largest relative error among elements whose absolute difference reaches
     * {@link #ABSOLUTE_FLOOR} (0 when none does), and the largest absolute difference of all.
     */
    public record Worst(double relative, double absolute) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "relative %.2e, absolute %.2e", relative, absolute);
        }
    }

    /** The worst errors for a net's input and for its parameters (zeros when it has none). */
    public record Errors(Worst input, Worst parameters) {
    }

    private GradientCheck() {
    }

    /**
     * Compares analytic gradients with (loss(x + h) - loss(x - h)) / 2h for every element of
     * {@code variable}; {@code loss} must recompute the loss from the current values.
     *
     * @return the worst errors seen
     */
    public static Worst check(String what, INDArray variable, INDArray analytic, DoubleSupplier loss,
                               double maxRelativeError) {
        INDArray flatVariable = variable.reshape(variable.length());
        INDArray flatAnalytic = analytic.dup().reshape(analytic.length());
        double worst = 0;
        double worstAbsolute = 0;
        for (long i = 0; i < flatVariable.length(); i++) {
            double original = flatVariable.getDouble(i);
            flatVariable.putScalar(i, original + STEP);
            double plus = loss.getAsDouble();
            flatVariable.putScalar(i, original - STEP);
            double minus = loss.getAsDouble();
            flatVariable.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double exact = flatAnalytic.getDouble(i);
            double difference = Math.abs(numeric - exact);
            worstAbsolute = Math.max(worstAbsolute, difference);
            if (difference < ABSOLUTE_FLOOR) {
                continue;
            }
            double relative = difference / Math.max(Math.abs(numeric), Math.abs(exact));
            worst = Math.max(worst, relative);
            if (relative > maxRelativeError) {
                fail(String.format("%s[%d]: analytic %.10g vs numeric %.10g (relative error %.3g)",
                        what, i, exact, numeric, relative));
            }
        }
        return new Worst(worst, worstAbsolute);
    }

    /**
     * Checks a double-precision net's gradients for its input and all its parameters on the loss
     * sum(output * R) with a random R, from a seeded initialisation and a seeded random input.
     */
    public static Errors checkNet(Sequential net, double maxRelativeError, long... inputShape) {
        // Fixed inputs: with random ones a leaky ReLU kink within the difference step now and then
        // made a parameter's numerical gradient off by ~0.5% (seen once in wholeCritic).
        Nd4j.getRandom().setSeed(42);
        net.initialise(new Random(42));
        INDArray input = Nd4j.randn(DataType.DOUBLE, inputShape);
        INDArray weights = Nd4j.randn(DataType.DOUBLE, net.forward(input).shape());

        net.zeroGradients();
        net.forward(input);
        INDArray inputGradient = net.backward(weights, true).dup();
        INDArray parameterGradient = net.gradients().dup();

        DoubleSupplier loss = () -> net.forward(input).mul(weights).sumNumber().doubleValue();
        Worst worstInput = check("dL/dinput", input, inputGradient, loss, maxRelativeError);
        Worst worstParams = net.parameters().length() == 0 ? new Worst(0, 0)
                : check("dL/dparams", net.parameters(), parameterGradient, loss, maxRelativeError);
        return new Errors(worstInput, worstParams);
    }
}
