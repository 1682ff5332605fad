package org.singanseg.studio.core.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.singanseg.studio.core.nn.Conv2d;
import org.singanseg.studio.core.nn.GradientCheck;
import org.singanseg.studio.core.nn.Sequential;

/**
 * Values and numerical gradient checks of the critic's and the generator's losses. A linear
 * critic keeps the penalty's finite-difference Hessian-vector product exact, so the critic loss's
 * parameter gradient is checked as tightly as the other terms (GradientPenaltyTest checks the
 * penalty on SinGAN's own critic).
 */
class SinGanLossTest {
    private static final double MAX_RELATIVE_ERROR = 1e-5;

    @Test
    void wassersteinTermsAreSignedMeans() {
        // D(x) = x: the penalty is 0 (|dD/dx| = 1) and each term is a plain mean of the image.
        Sequential identity = new Sequential(DataType.DOUBLE, List.of(new Conv2d(1, 1, 1)));
        identity.parameters().assign(Nd4j.createFromArray(1.0, 0.0));
        INDArray real = Nd4j.createFromArray(new double[]{1, 2, 3, 6}).reshape(1, 2, 2, 1);
        INDArray fake = real.mul(2);
        SinGanLoss loss = new SinGanLoss(TrainingSettings.paper());

        identity.zeroGradients();
        assertEquals(new SinGanLoss.CriticLoss(-3, 6, 0), loss.critic(identity, real, fake, 0.4));
        // d/dWeight = -mean(real) + mean(fake); d/dBias = -1 + 1.
        assertArrayEquals(new double[]{3, 0}, identity.gradients().toDoubleVector(), 1e-12);

        SinGanLoss.GeneratorLoss generator = loss.generator(identity, fake, null, real);
        assertEquals(-6, generator.adversarial(), 1e-12);
        assertEquals(-0.25, generator.gradient().getDouble(0, 1, 1, 0), 1e-12);
        assertArrayEquals(new double[]{3, 0}, identity.gradients().toDoubleVector(), 1e-12,
                "the generator's loss leaves the critic's gradients alone");
    }

    @Test
    void criticLossGradient() {
        Sequential critic = linearCritic();
        INDArray real = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        INDArray fake = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        SinGanLoss loss = new SinGanLoss(TrainingSettings.paper());
        DoubleSupplier total = () -> {
            SinGanLoss.CriticLoss terms = loss.critic(critic, real, fake, 0.3);
            return terms.real() + terms.fake() + terms.penalty();
        };
        critic.zeroGradients();
        total.getAsDouble();
        GradientCheck.check("critic loss", critic.parameters(), critic.gradients().dup(), total, MAX_RELATIVE_ERROR);
    }

    @Test
    void generatorLossGradient() {
        Sequential critic = linearCritic();
        INDArray fake = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        INDArray reconstruction = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        INDArray real = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        SinGanLoss loss = new SinGanLoss(TrainingSettings.paper());
        DoubleSupplier total = () -> {
            SinGanLoss.GeneratorLoss terms = loss.generator(critic, fake, reconstruction, real);
            return terms.adversarial() + terms.reconstruction();
        };
        INDArray gradient = loss.generator(critic, fake, reconstruction, real).gradient().dup();
        GradientCheck.check("dL/dfake", fake, gradient.get(NDArrayIndex.interval(0, 1)), total, MAX_RELATIVE_ERROR);
        GradientCheck.check("dL/dreconstruction", reconstruction, gradient.get(NDArrayIndex.interval(1, 2)), total,
                MAX_RELATIVE_ERROR);
    }

    @Test
    void withoutAlphaThereIsNoReconstruction() {
        SinGanLoss loss = new SinGanLoss(TrainingSettings.paper().toBuilder().alpha(0).build());
        assertFalse(loss.reconstructs());
        INDArray fake = Nd4j.randn(DataType.DOUBLE, 1, 6, 7, 3);
        SinGanLoss.GeneratorLoss terms = loss.generator(linearCritic(), fake, null, null);
        assertEquals(0, terms.reconstruction());
        assertArrayEquals(fake.shape(), terms.gradient().shape());
    }

    private static Sequential linearCritic() {
        Nd4j.getRandom().setSeed(5);
        Sequential critic = new Sequential(DataType.DOUBLE, List.of(new Conv2d(3, 1, 3)));
        critic.initialise(new Random(5));
        return critic;
    }
}
