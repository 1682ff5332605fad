package org.singanseg.studio.core.model;

import java.nio.file.Path;

/** The messages of a model file that cannot be used, alike wherever the problem is found. */
final class ModelProblems {
    private ModelProblems() {
    }

    static InvalidModelException notAModel(Path file, Throwable cause) {
        return new InvalidModelException(file.getFileName() + " is not a SinGAN-Seg Studio model file. "
                + "Choose a .singan model that this app saved.", cause);
    }

    static InvalidModelException damaged(Path file, String why, Throwable cause) {
        return new InvalidModelException("The model file " + file.getFileName() + " is damaged (" + why
                + "), for example by an interrupted copy or download. Use another copy or train again.", cause);
    }
}
