package org.singanseg.studio.core.style;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Limited-memory BFGS over a flat vector kept inside a box [lower, upper] (pixels in [0, 1]):
 * the two-loop recursion gives the direction, a backtracking (Armijo) line search on the
 * projected point x(t) = clamp(x + t d) the step. Curvature pairs with s.y <= 0, which the
 * projection can cause, are skipped. A few dozen iterations do what a thousand of Adam's do on
 * smooth losses such as style transfer's, at one evaluation each once the scale is learnt.
 * Not thread-safe; ND4J work stays on the calling thread.
 */
final class Lbfgs {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 20;
    private static final double MIN_CURVATURE = 1e-10;

    /** A smooth function of a flat vector. */
    @FunctionalInterface
    interface Objective {
        /** Returns f(x) and writes its gradient into {@code gradient} (same shape as x). */
        double evaluate(INDArray x, INDArray gradient);
    }

    /** Told after every iteration: its 1-based number and the objective's value at the new x. */
    @FunctionalInterface
    interface Progress {
        void iteration(int iteration, double value);
    }

    private record Pair(INDArray s, INDArray y, double rho) {
    }

    private final int history;
    private final double lower;
    private final double upper;
    private final double firstStep;

    /**
     * @param history   curvature pairs kept (memory: two vectors each)
     * @param firstStep how far the first iteration moves the element with the largest gradient
     *                  (there is no curvature estimate yet to scale the gradient with)
     */
    Lbfgs(int history, double lower, double upper, double firstStep) {
        this.history = history;
        this.lower = lower;
        this.upper = upper;
        this.firstStep = firstStep;
    }

    /**
     * Runs up to {@code iterations} iterations from x (a flat vector, changed in place), fewer when
     * no step decreases f any more.
     *
     * @return the number of evaluations of f
     * @throws CancellationException when cancelled (checked before every iteration)
     */
    int minimise(INDArray x, Objective f, int iterations, Progress progress, BooleanSupplier cancelled) {
        clamp(x);
        Deque<Pair> pairs = new ArrayDeque<>();
        INDArray g = x.like();
        INDArray gNew = x.like();
        INDArray xNew = x.like();
        INDArray d = x.like();
        double value = f.evaluate(x, g);
        int evaluations = 1;
        for (int iteration = 1; iteration <= iterations; iteration++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Optimisation cancelled");
            }
            direction(g, pairs, d);
            double t = 1;
            double newValue = Double.NaN;
            boolean accepted = false;
            for (int tries = 0; tries < MAX_BACKTRACKS && !accepted; tries++, t *= 0.5) {
                clamp(xNew.assign(d).muli(t).addi(x));
                double predicted = dot(g, xNew.sub(x));
                if (predicted >= 0) {
                    break; // the projected direction does not descend: start over from the gradient
                }
                newValue = f.evaluate(xNew, gNew);
                evaluations++;
                accepted = newValue <= value + ARMIJO * predicted;
            }
            if (!accepted) {
                if (pairs.isEmpty()) {
                    break; // not even a gradient step helps: a (projected) minimum
                }
                pairs.clear();
                iteration--;
                continue;
            }
            INDArray s = xNew.sub(x);
            INDArray y = gNew.sub(g);
            double sy = dot(s, y);
            if (sy > MIN_CURVATURE * dot(y, y)) {
                if (pairs.size() == history) {
                    pairs.removeFirst();
                }
                pairs.addLast(new Pair(s, y, 1 / sy));
            }
            x.assign(xNew);
            g.assign(gNew);
            value = newValue;
            progress.iteration(iteration, value);
        }
        return evaluations;
    }

    /** d = -H g by the two-loop recursion; without curvature pairs, a scaled gradient step. */
    private void direction(INDArray g, Deque<Pair> pairs, INDArray d) {
        d.assign(g);
        if (pairs.isEmpty()) {
            double largest = g.amaxNumber().doubleValue();
            d.muli(largest > 0 ? -firstStep / largest : 0);
            return;
        }
        double[] alphas = new double[pairs.size()];
        int i = pairs.size();
        var newestFirst = pairs.descendingIterator();
        while (newestFirst.hasNext()) {
            Pair p = newestFirst.next();
            alphas[--i] = p.rho() * dot(p.s(), d);
            d.subi(p.y().mul(alphas[i]));
        }
        Pair newest = pairs.peekLast();
        d.muli(dot(newest.s(), newest.y()) / dot(newest.y(), newest.y()));
        i = 0;
        for (Pair p : pairs) {
            double beta = p.rho() * dot(p.y(), d);
            d.addi(p.s().mul(alphas[i++] - beta));
        }
        d.negi();
    }

    private void clamp(INDArray x) {
        Transforms.max(x, lower, false);
        Transforms.min(x, upper, false);
    }

    private static double dot(INDArray a, INDArray b) {
        return Nd4j.getBlasWrapper().dot(a, b);
    }
}
