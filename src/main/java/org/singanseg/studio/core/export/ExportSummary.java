package org.singanseg.studio.core.export;

import java.nio.file.Path;

/**
 * The outcome of an export.
 *
 * @param target       the dataset folder or zip file written
 * @param pairs        synthetic pairs written
 * @param realIncluded whether the real pair was added
 * @param bytes        size of the files written (of the zip file for a zip export)
 */
public record ExportSummary(Path target, int pairs, boolean realIncluded, long bytes) {
}
