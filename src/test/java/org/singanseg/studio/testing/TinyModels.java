package org.singanseg.studio.testing;

import java.util.concurrent.atomic.AtomicReference;

import org.singanseg.studio.core.gan.SinGanModel;
import org.singanseg.studio.core.gan.SourceInfo;
import org.singanseg.studio.core.gan.Trainer;
import org.singanseg.studio.core.gan.TrainingListener;
import org.singanseg.studio.core.gan.TrainingSettings;
import org.singanseg.studio.core.image.TrainingPair;

/**
 * Small, fast training runs on a real frame for tests (3 scales, 40x30 px at the finest for the
 * small PolypGen frame; 2 scales, 40x32 px for the demo pair without the shared folder).
 */
public final class TinyModels {
    /** The command line options that give {@link #minimal()}. */
    public static final String[] MINIMAL_OPTIONS = {"--preset", "quick", "--max-size", "34", "--iterations", "3",
            "--critic-steps", "1", "--generator-steps", "1", "--width", "8", "--width-max", "8", "--seed", "7"};
    private static final AtomicReference<SinGanModel> SHARED = new AtomicReference<>();

    private TinyModels() {
    }

    public static TrainingSettings settings() {
        return TrainingSettings.quick().toBuilder().maxSize(40).iterations(40).widthInitial(16).widthMax(16).seed(7)
                .build();
    }

    /**
     * Smaller still, for tests that train many pairs: 2 scales (34 px at the finest), 3 iterations,
     * width 8.
     */
    public static TrainingSettings minimal() {
        return TrainingSettings.quick().toBuilder().maxSize(34).iterations(3).criticSteps(1).generatorSteps(1)
                .widthInitial(8).widthMax(8).seed(7).build();
    }

    public static TrainingPair pair() throws Exception {
        return TrainingPair.load(TestData.smallImage(), TestData.smallMask());
    }

    public static SourceInfo source(TrainingPair pair) {
        return new SourceInfo(pair.imageName(), "test", null, pair.width(), pair.height(), pair.coverage());
    }

    /** One trained model shared by the tests of a run (training it takes a few seconds). */
    public static synchronized SinGanModel trained() throws Exception {
        if (SHARED.get() == null) {
            TrainingPair pair = pair();
            SHARED.set(new Trainer(settings(), new TrainingListener() { }, () -> false)
                    .train(pair, source(pair), null, m -> { }));
        }
        return SHARED.get();
    }
}
