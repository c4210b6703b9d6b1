package io.jdatagen.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Deterministic randomness without shared state: the random stream of sample
 * {@code i} in epoch {@code e} and the shuffle of epoch {@code e} are pure functions of the seed,
 * so batches do not depend on thread count, access order or restarts.
 */
public final class RandomKeys {
    private static final long SHUFFLE_STREAM = -1;

    private RandomKeys() {
    }

    /**
     * {@return the generator of sample {@code sample}'s random draws in epoch {@code epoch}}
     */
    public static RandomGenerator forSample(long seed, int epoch, long sample) {
        return new SplittableRandom(mix(mix(mix(seed) ^ epoch) ^ sample));
    }

    /**
     * {@return the order of {@code n} samples in epoch {@code epoch}: {@code 0..n-1}, shuffled when asked}
     *
     * @param n the count
     */
    public static int[] order(int n, boolean shuffle, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(mix(mix(mix(seed) ^ epoch) ^ SHUFFLE_STREAM));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** A 64-bit finaliser (murmur3's fmix64) so that nearby keys give unrelated streams. */
    static long mix(long z) {
        z ^= z >>> 33;
        z *= 0xff51afd7ed558ccdL;
        z ^= z >>> 33;
        z *= 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
