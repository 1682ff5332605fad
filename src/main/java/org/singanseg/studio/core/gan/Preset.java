package org.singanseg.studio.core.gan;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A named set of training settings, or {@link #CUSTOM} for settings that are none of them. A
 * settings value knows its preset ({@link TrainingSettings#preset()}), so an edited preset can
 * never keep its old name.
 */
public enum Preset {
    QUICK, SHARP, STANDARD, PAPER,
    /** Settings that are not one of the presets: edited, or from an older version's file. */
    CUSTOM;

    /** The presets one can choose, fastest first. */
    public static final List<Preset> CHOICES = List.of(QUICK, SHARP, STANDARD, PAPER);
    /** The id of the preset the app, train, train-batch and bench start with (a constant, for option defaults). */
    public static final String DEFAULT_ID = "quick";
    /** The preset the app, train, train-batch and bench start with. */
    public static final Preset DEFAULT = named(DEFAULT_ID);

    /** The name users type and files store: "quick", "sharp", "standard", "paper", "custom". */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name as a title: "Quick", "Sharp", ... */
    public String title() {
        return id().substring(0, 1).toUpperCase(Locale.ROOT) + id().substring(1);
    }

    @Override
    public String toString() {
        return id();
    }

    /** The preset's settings; {@link #CUSTOM} has none. */
    public TrainingSettings settings() {
        return switch (this) {
            case QUICK -> TrainingSettings.quick();
            case SHARP -> TrainingSettings.sharp();
            case STANDARD -> TrainingSettings.standard();
            case PAPER -> TrainingSettings.paper();
            case CUSTOM -> throw new IllegalStateException("Custom settings are not a preset.");
        };
    }

    /** One of {@link #CHOICES} by its id, in any case; the message lists the choices. */
    public static Preset named(String id) {
        return CHOICES.stream().filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown preset '" + id + "'. Choose one of: "
                        + CHOICES.stream().map(Preset::id).collect(Collectors.joining(", ")) + "."));
    }
}
