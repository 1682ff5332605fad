package org.singanseg.studio.testing;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.image.TrainingPair;
import org.singanseg.studio.core.model.ModelFile;

/** Model files of unfinished trainings, as a stop leaves them. */
public final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * What a stop after the first scale of {@code train} with {@link TinyModels#MINIMAL_OPTIONS}
     * on these files leaves in {@code file}.
     */
    public static Path afterOneScale(Path image, Path mask, Path file) throws Exception {
        TrainingPair pair = TrainingPair.load(image, mask);
        SourceInfo source = SourceInfo.of(image, mask, pair);
        AtomicInteger scales = new AtomicInteger();
        try {
            new Trainer(TinyModels.minimal(), new TrainingListener() { }, () -> scales.get() >= 1)
                    .train(pair, source, null, m -> {
                        ModelFile.save(m, file);
                        scales.incrementAndGet();
                    });
        } catch (CancellationException expected) {
            return file;
        }
        throw new AssertionError("The training was not stopped after its first scale.");
    }
}
