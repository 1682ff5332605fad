package org.singanseg.studio.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.singanseg.studio.core.export.DatasetExporter;
import org.singanseg.studio.core.export.ExportOptions;
import org.singanseg.studio.core.export.ExportSummary;
import org.singanseg.studio.core.export.ExportTargetExistsException;
import org.singanseg.studio.core.image.InvalidInputException;
import org.singanseg.studio.core.io.ByteSizes;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.SampleCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports a project's samples as a segmentation dataset: images/, masks/ (0/255), "
                + "manifest.csv and dataset.json, as a folder or a zip file.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "The project folder.")
    Path projectFolder;

    @Option(names = "--out", required = true,
            description = "The dataset folder to make; with --zip the zip file (.zip is added when missing).")
    Path out;

    @Option(names = "--kept-only", description = "Only the samples marked as kept (rejected ones are never exported).")
    boolean keptOnly;

    @Option(names = "--zip", description = "One zip file instead of a folder.")
    boolean zip;

    @Option(names = "--with-real", description = "Add the real pair as images/real.png and masks/real.png.")
    boolean withReal;

    @Option(names = "--overwrite", description = "Replace an existing dataset at --out once the new one is complete.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        Project project = ProjectStore.open(projectFolder);
        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        ExportOptions options = new ExportOptions(keptOnly, withReal, zip, overwrite);
        ExportSummary summary;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            summary = new DatasetExporter(project, catalog).export(out, options,
                    (done, total) -> System.out.printf(Locale.ROOT, "\r  %d/%d pairs", done, total), cancel);
        } catch (ExportTargetExistsException e) {
            throw new InvalidInputException(e.getMessage() + " Add --overwrite to replace it, or choose another --out.");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Exported %d pair%s%s to %s (%s)%n", summary.pairs(),
                summary.pairs() == 1 ? "" : "s", summary.realIncluded() ? " and the real pair" : "", summary.target(),
                ByteSizes.describe(summary.bytes()));
        return 0;
    }
}
