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
import org.singanseg.studio.core.samples.GenerateFolder;
import org.singanseg.studio.core.samples.SampleCatalog;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports synthetic pairs, of a generate folder or of a project, as a segmentation dataset: "
                + "images/, masks/ (0/255), manifest.csv and dataset.json, as a folder or a zip file. Rejected "
                + "pairs are never exported.")
public final class ExportCommand implements Callable<Integer> {

    /** Where the pairs come from: exactly one. */
    static final class Source {
        @Option(names = "--samples", required = true, description = "A folder written by generate.")
        Path samples;

        @Option(names = "--project", required = true, description = "A project folder (the app's gallery).")
        Path project;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--out", required = true,
            description = "The dataset folder to make; with --zip the zip file (.zip is added when missing).")
    Path out;

    @Option(names = "--kept-only", negatable = true,
            description = "Only the pairs marked as kept (--no-kept-only: every pair not rejected). Default, as in "
                    + "the app: kept only once a pair of the project is kept.")
    Boolean keptOnly;

    @Option(names = "--zip", description = "One zip file instead of a folder.")
    boolean zip;

    @Option(names = "--with-real", description = "Add the project's real pair as images/real.png and masks/real.png.")
    boolean withReal;

    @Option(names = "--overwrite", description = "Replace an existing dataset at --out once the new one is complete.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (source.samples != null) {
            try (GenerateFolder generated = GenerateFolder.open(source.samples)) {
                return export(new DatasetExporter(generated));
            }
        }
        Project project = ProjectStore.open(source.project);
        return export(new DatasetExporter(project, SampleCatalog.open(project.samplesFolder())));
    }

    private int export(DatasetExporter exporter) throws InvalidInputException {
        boolean kept = keptOnly != null ? keptOnly : exporter.keptOnlyByDefault();
        ExportOptions options = new ExportOptions(kept, withReal, zip, overwrite);
        ExportSummary summary;
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            summary = exporter.export(out, options,
                    (done, total) -> System.out.printf(Locale.ROOT, "\r  %d/%d pairs", done, total), cancel);
        } catch (ExportTargetExistsException e) {
            throw new InvalidInputException(e.getMessage() + " Add --overwrite to replace it, or choose another --out.");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Exported %d%s pair%s%s to %s (%s)%n", summary.pairs(), kept ? " kept" : "",
                summary.pairs() == 1 ? "" : "s", summary.realIncluded() ? " and the real pair" : "", summary.target(),
                ByteSizes.describe(summary.bytes()));
        return 0;
    }
}
