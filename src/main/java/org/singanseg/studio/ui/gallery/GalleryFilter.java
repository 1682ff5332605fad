package org.singanseg.studio.ui.gallery;

import java.util.function.Predicate;

import org.singanseg.studio.core.samples.Review;
import org.singanseg.studio.core.samples.SampleRecord;

/** Which samples the gallery shows, by review. */
public enum GalleryFilter {
    ALL("All", r -> true),
    KEPT("Kept", r -> r.review() == Review.KEPT),
    REJECTED("Rejected", r -> r.review() == Review.REJECTED),
    UNREVIEWED("Not reviewed", r -> r.review() == Review.UNREVIEWED);

    private final String title;
    private final Predicate<SampleRecord> test;

    GalleryFilter(String title, Predicate<SampleRecord> test) {
        this.title = title;
        this.test = test;
    }

    public Predicate<SampleRecord> test() {
        return test;
    }

    @Override
    public String toString() {
        return title;
    }
}
