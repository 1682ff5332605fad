package org.singanseg.studio.core.engine;

/** The version from the jar manifest, or "development" when run from classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String get() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
