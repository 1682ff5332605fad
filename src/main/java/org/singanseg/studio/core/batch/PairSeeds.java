package org.singanseg.studio.core.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Each pair's own seed, fixed by the base seed and the pair's name alone: the base seed XOR the
 * first 8 bytes (big-endian) of the SHA-256 of the name in UTF-8, sign bit cleared. So a pair
 * trains and samples the same on every rerun and in whichever shard it falls, and pairs differ.
 */
public final class PairSeeds {
    private PairSeeds() {
    }

    public static long of(long baseSeed, String pairName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pairName.getBytes(StandardCharsets.UTF_8));
            return (baseSeed ^ ByteBuffer.wrap(digest).getLong()) & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
