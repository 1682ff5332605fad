package org.singanseg.studio.core.export;

/**
 * What a dataset export contains and where it goes.
 *
 * @param keptOnly    only the pairs the user marked as kept
 * @param includeReal add the project's real pair as {@code images/real.png} and {@code masks/real.png}
 * @param zip         one {@code NAME.zip} with the same layout instead of a folder
 * @param overwrite   replace an existing target (once the new export is complete); without it an
 *                    existing target is an {@link ExportTargetExistsException}
 */
public record ExportOptions(boolean keptOnly, boolean includeReal, boolean zip, boolean overwrite) {

    /** The same options, replacing the target: the retry after the user agreed to overwrite. */
    public ExportOptions withOverwrite() {
        return new ExportOptions(keptOnly, includeReal, zip, true);
    }
}
