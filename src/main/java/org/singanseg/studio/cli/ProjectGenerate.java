package org.singanseg.studio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.singanseg.studio.core.gan.Sampler;
import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.image.Planes;
import org.singanseg.studio.core.io.OutputPlaces;
import org.singanseg.studio.core.model.ModelFile;
import org.singanseg.studio.core.project.Project;
import org.singanseg.studio.core.project.ProjectStore;
import org.singanseg.studio.core.samples.GenerationRequest;
import org.singanseg.studio.core.samples.ProjectGallery;
import org.singanseg.studio.core.samples.SampleCatalog;
import org.singanseg.studio.core.samples.SampleGenerator;

/**
 * {@code generate --project DIR}: adds pairs to the project's gallery with the project's model, as
 * the app's Generate does (no style transfer), so that the app shows them and {@code export
 * --project} exports them.
 */
final class ProjectGenerate {
    private ProjectGenerate() {
    }

    static int run(GenerateCommand options) throws Exception {
        if (options.modelFile != null || options.out != null) {
            throw new IllegalArgumentException("--project adds the pairs to the project's gallery with the project's "
                    + "model: leave out --model and --out. To write the pairs as a dataset afterwards, use export "
                    + "--project " + options.project + " --out D.");
        }
        Project project = ProjectStore.open(options.project);
        Path modelFile = project.modelFile();
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("The project " + project.name() + " has no model yet (" + modelFile
                    + "). Train it first: train --project " + options.project + ", or in the app's Train step.");
        }
        long seed = options.seed != null ? options.seed : new SecureRandom().nextInt(Integer.MAX_VALUE);
        GenerationRequest request = new GenerationRequest(options.count, seed, options.startScale, options.scaleH,
                options.scaleV, options.maskFloorOption.floor());
        SinGanModel model = ModelFile.load(modelFile);
        Sampler sampler = new Sampler(model);
        // Before anything is written, so that a refused option leaves the gallery as it was.
        sampler.check(request.startScale(), request.scaleV(), request.scaleH());
        OutputPlaces.checkFolder(project.samplesFolder());
        SampleCatalog catalog = SampleCatalog.open(project.samplesFolder());
        Planes real = ProjectGallery.realAtModelSize(project, model);
        SampleGenerator generator = new SampleGenerator(sampler, ProjectGallery.writer(catalog, modelFile, real),
                catalog, null);
        System.out.printf(Locale.ROOT, "Adding %d pair%s to the gallery of the project %s with seed %d, start scale "
                        + "%d of %d, size x%.2f wide, x%.2f high%n", request.count(), request.count() == 1 ? "" : "s",
                project.name(), seed, request.startScale(), sampler.scales(), request.scaleH(), request.scaleV());
        AtomicInteger made = new AtomicInteger();
        try (ShutdownCancel cancel = new ShutdownCancel()) {
            Output.writingInto(project.samplesFolder(), () -> {
                generator.run(request, record -> System.out.printf("\r  %d/%d", made.incrementAndGet(),
                        request.count()), cancel);
                return null;
            });
        } catch (CancellationException e) {
            System.out.println();
            System.out.println("Stopped. The " + made.get() + " pairs made so far are in the project's gallery.");
            return TrainCommand.CANCELLED;
        }
        System.out.println();
        System.out.println("Added " + made.get() + " pair" + (made.get() == 1 ? "" : "s") + " to the gallery of the "
                + "project " + project.name() + " (" + catalog.size() + " in all, in " + project.samplesFolder()
                + "). Export them with export --project " + options.project + " --out D.");
        return 0;
    }
}
