package org.singanseg.studio.cli;

import org.singanseg.studio.core.gan.MaskFloor;

import picocli.CommandLine.Option;

/** The {@code --min-mask-area} of the commands that draw synthetic pairs. */
final class MaskFloorOption {
    @Option(names = "--min-mask-area", defaultValue = "1", paramLabel = "PERCENT",
            description = "Draw a synthetic pair again while its mask covers less than this percentage of the image, "
                    + "or less than half the real mask's share for a real polyp smaller than twice it (up to "
                    + MaskFloor.MAX_DRAWS + " draws, then the largest mask is kept); 0 keeps every first draw "
                    + "(default: ${DEFAULT-VALUE}).")
    double percent;

    MaskFloor floor() {
        return new MaskFloor(percent / 100);
    }
}
