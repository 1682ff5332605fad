package org.singanseg.studio.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.io.WriteFailures;

/**
 * A write that fails in a command's output place during the work (a full disk, say), told in the
 * words of {@link WriteFailures}, which {@link UserErrors} shows with exit code 2. Every command
 * checks the place itself before any work starts, with {@link OutputPlaces}.
 */
final class Output {
    private Output() {
    }

    /** Runs the work; an I/O error about the folder (or one that names no file) becomes WriteFailures' words. */
    static <T> T writingInto(Path folder, Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (IOException e) {
            throw isAbout(folder, e) ? WriteFailures.writing(folder, e) : e;
        }
    }

    /** An error that names a file elsewhere (an input being read) keeps its own words. */
    private static boolean isAbout(Path folder, IOException e) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return true;
        }
        return Path.of(fs.getFile()).toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    }
}
