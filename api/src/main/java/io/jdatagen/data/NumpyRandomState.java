package io.jdatagen.data;

import java.util.random.RandomGenerator;

/**
 * numpy's legacy {@code RandomState} (MT19937) with numpy's sampling rules:
 * {@link #nextDouble()} is {@code random_sample}, {@link #nextInt(int)} is {@code randint(0, n)}
 * by masked rejection. Seeded like {@code np.random.seed(seed)}, it reproduces Keras's draws,
 * e.g. {@code get_random_transform(shape, seed)}. Not thread-safe.
 */
public final class NumpyRandomState implements RandomGenerator {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    /**
     * Seeds like {@code np.random.seed(seed)}.
     *
     * @throws IllegalArgumentException if {@code seed} is outside {@code [0, 2^32)}, as numpy
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1 (numpy's rule); got: "
                    + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** {@return the next raw 32-bit output of MT19937, as an unsigned value in a long} */
    public long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }

    @Override
    public int nextInt() {
        return (int) nextUint32();
    }

    @Override
    public long nextLong() {
        return (nextUint32() << 32) | nextUint32();
    }

    /** numpy's {@code random_sample()}: 53 random bits from two 32-bit draws, in [0, 1). */
    @Override
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * numpy's {@code uniform(low, high)}: {@code low + (high - low) * random_sample()}.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return the double
     */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /**
     * numpy's {@code randint(0, bound)}: masked rejection on one 32-bit draw per try; a bound of 1
     * draws nothing.
     */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive; got: " + bound);
        }
        return (int) masked(bound - 1L);
    }

    /** A value in {@code [0, max]} by numpy's masked rejection; {@code max == 0} draws nothing. */
    private long masked(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > max);
        return v;
    }

    /**
     * numpy's {@code permutation(n)}: Fisher-Yates from the end with masked-rejection draws.
     *
     * @param n the count
     * @return the int array
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) masked(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
