package org.singanseg.studio.core.engine;

import java.util.Map;

/**
 * The environment variables that set how ND4J's and oneDNN's OpenMP threads wait for work, and the
 * values the app runs with: passive waiting after a short spin. The GNU OpenMP runtime reads them
 * once, as it loads, and a spin count overrides the policy's.
 *
 * <p>Unset, the threads spin for milliseconds while they wait, which slows training many times
 * over on a machine busy with anything else. Fully passive threads sleep at once instead, and
 * waking them costs tens of microseconds in a VM, many times per iteration: at SinGAN's 56x42
 * scale (2 cores) the second thread then gained nothing. A spin of 1000 rounds (about 10 us)
 * before sleeping took 20% off that scale, 15% off 71x54 and 0-8% off the finer ones. With
 * another program using a whole core it cost about 8% more than fully passive waiting at 56x42
 * (up to 13% in one run) and 1-3% at the other scales; a spin of 3000 rounds cost 10-20% more,
 * 10000 rounds 30-70%. Paper preset, 2-core AVX-512 VM, medians of 10-20 iterations.
 */
public final class OpenMpWaiting {
    public static final String POLICY_VARIABLE = "OMP_WAIT_POLICY";
    public static final String PASSIVE = "passive";
    /** GNU OpenMP's spin rounds before a waiting thread sleeps; overrides the policy's. */
    public static final String SPIN_VARIABLE = "GOMP_SPINCOUNT";
    public static final String SHORT_SPIN = "1000";
    /** Both variables as the app runs with them. */
    public static final Map<String, String> APP_VALUES = Map.of(POLICY_VARIABLE, PASSIVE, SPIN_VARIABLE, SHORT_SPIN);

    private OpenMpWaiting() {
    }

    /** The two variables as set in the given environment, for benchmark headers. */
    public static String describe(Map<String, String> environment) {
        return POLICY_VARIABLE + "=" + environment.getOrDefault(POLICY_VARIABLE, "(unset)") + " "
                + SPIN_VARIABLE + "=" + environment.getOrDefault(SPIN_VARIABLE, "(unset)");
    }

    /** True when the environment has the values the app runs with. */
    public static boolean isRecommended(Map<String, String> environment) {
        return APP_VALUES.entrySet().stream()
                .allMatch(value -> value.getValue().equals(environment.get(value.getKey())));
    }
}
