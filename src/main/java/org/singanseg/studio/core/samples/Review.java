package org.singanseg.studio.core.samples;

/** The user's verdict on a synthetic pair. */
public enum Review {
    UNREVIEWED, KEPT, REJECTED
}
