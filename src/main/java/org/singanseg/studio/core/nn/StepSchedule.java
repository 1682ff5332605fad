package org.singanseg.studio.core.nn;

/**
 * SinGAN's learning-rate schedule: the base rate until a milestone (80% of the iterations),
 * then the base rate times 0.1 (PyTorch MultiStepLR with one milestone).
 */
public record StepSchedule(double baseRate, int milestone, double factor) {

    public static StepSchedule singan(double baseRate, int iterations) {
        return new StepSchedule(baseRate, (int) Math.round(0.8 * iterations), 0.1);
    }

    /** Learning rate for the 0-based iteration. */
    public double rateAt(int iteration) {
        return iteration >= milestone ? baseRate * factor : baseRate;
    }
}
