package org.singanseg.studio.core.eval;

import java.util.Locale;

/**
 * How many optimiser steps each segmentation model of an evaluation gets. With {@link #EPOCHS}
 * (the paper's protocol) a model trains the given epochs over its own pairs, so a model with more
 * pairs also takes more steps, which can flatter the setting with synthetic pairs. With
 * {@link #STEPS} every model takes as many steps as the largest training set's epochs need, so the
 * few-real-image baseline is not starved of training. {@link #BOTH} answers both in one held-out
 * run: the models of {@link #STEPS}, plus the n real pairs alone trained for their own epochs
 * ({@link EvaluationSetting#SMALL_REAL_OWN_EPOCHS}); the models with synthetic pairs, the largest
 * training sets, take the same steps under either budget, so they are trained once.
 */
public enum TrainingBudget {
    EPOCHS, STEPS, BOTH;

    /** Lower-case name for options and files: {@code epochs} or {@code steps}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrainingBudget parse(String text) {
        for (TrainingBudget budget : values()) {
            if (budget.id().equalsIgnoreCase(text.trim())) {
                return budget;
            }
        }
        throw new IllegalArgumentException("Unknown training budget '" + text + "'. Choose epochs (each model trains "
                + "the given epochs over its own pairs), steps (every model takes the same number of steps) or both "
                + "(with a test set: both answers from one run).");
    }
}
