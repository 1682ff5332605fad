package org.singanseg.studio.core.export;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The export target exists already (a non-empty folder, or a file). Nothing was written: the
 * caller asks the user and retries with {@link ExportOptions#withOverwrite()}, or picks another target.
 */
public final class ExportTargetExistsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path target;

    public ExportTargetExistsException(Path target) {
        super(target + " exists already" + (Files.isDirectory(target) ? " and is not empty." : "."));
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
