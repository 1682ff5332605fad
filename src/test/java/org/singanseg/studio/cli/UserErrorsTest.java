package org.singanseg.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;

/** Failures the user can fix get a message; the rest are reported as bugs. */
class UserErrorsTest {

    @Test
    void aReadOnlyFileSystemIsSaidSo() {
        // What a node with the shared folder mounted read-only gets when it writes there mid-run.
        assertEquals("Cannot write /shared/out/manifest.csv: the file system is read-only here. Files already "
                        + "written are intact; run again where it can be written.",
                UserErrors.messageFor(new FileSystemException("/shared/out/manifest.csv", null, "Read-only file system")));
        assertNull(UserErrors.messageFor(new FileSystemException("/x", null, "Input/output error")));
    }
}
