package org.singanseg.studio.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {

    @Test
    void twoStepsMatchHandComputedReference() {
        Sequential net = new Sequential(DataType.DOUBLE, List.of(new Conv2d(1, 1, 1)));
        net.parameters().assign(Nd4j.createFromArray(0.5, -1.0));
        double beta1 = 0.7; // not SinGAN's 0.5: the test shows that the argument is used
        Adam adam = Adam.withBeta1(net, beta1);
        double lr = 0.01;

        double[] p = {0.5, -1.0};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] gradients = {{0.2, -3.0}, {-0.1, 4.0}};
        for (int t = 1; t <= 2; t++) {
            net.gradients().assign(Nd4j.createFromArray(gradients[t - 1]));
            adam.step(lr);
            for (int i = 0; i < 2; i++) {
                double g = gradients[t - 1][i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            assertArrayEquals(p, net.parameters().toDoubleVector(), 1e-12);
        }
    }

    @Test
    void scheduleDropsTenfoldAtEightyPercent() {
        StepSchedule schedule = StepSchedule.singan(5e-4, 2000);
        assertEquals(5e-4, schedule.rateAt(0), 0);
        assertEquals(5e-4, schedule.rateAt(1599), 0);
        assertEquals(5e-5, schedule.rateAt(1600), 1e-15);
        assertEquals(5e-5, schedule.rateAt(1999), 1e-15);
    }
}
