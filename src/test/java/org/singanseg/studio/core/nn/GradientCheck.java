package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Central-difference gradient checks in double precision. */
final class GradientCheck {
    static final double STEP = 1e-6;
    /** Below this absolute difference two tiny gradients count as equal. */
    static final double ABSOLUTE_FLOOR = 1e-8;

    private GradientCheck() {
    }

    /**
     * Compares analytic gradients with (loss(x + h) - loss(x - h)) / 2h for every element of
     * {@code variable}; {@code loss} must recompute the loss from the current values.
     *
     * @return the largest relative error seen
     */
    static double check(String what, INDArray variable, INDArray analytic, DoubleSupplier loss,
                        double maxRelativeError) {
        INDArray flatVariable = variable.reshape(variable.length());
        INDArray flatAnalytic = analytic.dup().reshape(analytic.length());
        double worst = 0;
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
        return worst;
    }
}
