package io.jdatagen.property;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small seeded property engine for JUnit 5. Each trial draws a case from a generator keyed by
 * (seed, trial) with a size that grows over the trials. On failure it retries the same seed at
 * smaller sizes and reports the smallest failing case with the seed and size to replay it:
 * {@code -Djdatagen.property.seed=S -Djdatagen.property.size=N} runs exactly that case.
 */
public final class Property {
    /** Draws a case from a random source at a size (larger sizes mean larger cases). */
    @FunctionalInterface
    public interface Generator<T> {
        /** The case for this random source and size. */
        T generate(SplittableRandom random, int size);
    }

    private static final long BASE_SEED = Long.getLong("jdatagen.property.baseSeed", 20261121L);

    private Property() {
    }

    /**
     * Checks {@code check} on {@code trials} cases of sizes 1..{@code maxSize}.
     *
     * @throws AssertionError describing the smallest failing case, its seed and size
     */
    public static <T> void forAll(String name, int trials, int maxSize, Generator<T> generator, Consumer<T> check) {
        Long replaySeed = Long.getLong("jdatagen.property.seed");
        if (replaySeed != null) {
            int size = Integer.getInteger("jdatagen.property.size", maxSize);
            runOne(name, replaySeed, size, generator, check);
            return;
        }
        for (int trial = 0; trial < trials; trial++) {
            long seed = BASE_SEED * 31 + trial * 0x9E3779B97F4A7C15L + name.hashCode();
            int size = 1 + (int) ((long) trial * (maxSize - 1) / Math.max(1, trials - 1));
            Throwable failure = attempt(seed, size, generator, check);
            if (failure != null) {
                int smallest = size;
                Throwable smallestFailure = failure;
                for (int s = size - 1; s >= 1; s--) {
                    Throwable f = attempt(seed, s, generator, check);
                    if (f != null) {
                        smallest = s;
                        smallestFailure = f;
                    }
                }
                T value = generator.generate(new SplittableRandom(seed), smallest);
                throw new AssertionError("property '" + name + "' failed at trial " + trial + ": seed=" + seed
                        + " size=" + smallest + " case=" + value + "; replay with -Djdatagen.property.seed=" + seed
                        + " -Djdatagen.property.size=" + smallest + "\n" + smallestFailure.getMessage(),
                        smallestFailure);
            }
        }
    }

    private static <T> void runOne(String name, long seed, int size, Generator<T> generator, Consumer<T> check) {
        Throwable f = attempt(seed, size, generator, check);
        if (f != null) {
            throw new AssertionError("property '" + name + "' failed on replay seed=" + seed + " size=" + size
                    + " case=" + generator.generate(new SplittableRandom(seed), size), f);
        }
    }

    private static <T> Throwable attempt(long seed, int size, Generator<T> generator, Consumer<T> check) {
        try {
            check.accept(generator.generate(new SplittableRandom(seed), size));
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }
}
