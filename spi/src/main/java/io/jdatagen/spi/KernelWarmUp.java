package io.jdatagen.spi;

import java.util.function.LongSupplier;

/**
 * Drives a backend over rounds of a {@link WarmUpWorkload} until the JIT has compiled its kernels, then
 * reports it warm. The round's duration is the signal: it falls by one to two orders of magnitude
 * while the Vector API's fallbacks and then the kernels get compiled, and stays flat afterwards. The
 * backend counts as warm once at least {@value #MIN_ROUNDS} rounds have run and the last
 * {@value #FLAT_ROUNDS} rounds all failed to beat the fastest round so far by more than
 * {@value #IMPROVEMENT_PERCENT}% (the plateau); it is declared warm anyway after {@value #MAX_ROUNDS}
 * rounds, so that a machine too noisy for a plateau still switches.
 */
final class KernelWarmUp {
    static final int MIN_ROUNDS = 50;
    static final int FLAT_ROUNDS = 40;
    static final int MAX_ROUNDS = 1000;
    static final int IMPROVEMENT_PERCENT = 20;

    private final Backend backend;
    private final WarmUpWorkload workload;
    private final LongSupplier clock;
    private int rounds;
    private int callsPerRound;
    private int flat;
    private long best = Long.MAX_VALUE;

    /** {@code clock} gives nanoseconds ({@link System#nanoTime} outside tests). */
    KernelWarmUp(Backend backend, WarmUpWorkload workload, LongSupplier clock) {
        this.backend = backend;
        this.workload = workload;
        this.clock = clock;
    }

    /** Runs rounds until the plateau (or the cap); returns the rounds run. */
    int run() {
        callsPerRound = workload.calls();
        while (!warm()) {
            long start = clock.getAsLong();
            workload.run(backend);
            record(clock.getAsLong() - start);
        }
        return rounds;
    }

    /** Adds one round's duration to the plateau test. */
    void record(long nanos) {
        rounds++;
        if (nanos < best / 100 * (100 - IMPROVEMENT_PERCENT)) {
            flat = 0;
        } else {
            flat++;
        }
        best = Math.min(best, nanos);
    }

    /** {@return whether the rounds so far show the plateau, or reached the cap} */
    boolean warm() {
        return rounds >= MAX_ROUNDS || rounds >= MIN_ROUNDS && flat >= FLAT_ROUNDS;
    }

    /** {@return the kernel calls of one round of {@link #run}, or 0 before it} */
    int callsPerRound() {
        return callsPerRound;
    }

    /** {@return the rounds recorded} */
    int rounds() {
        return rounds;
    }

    /** {@return the fastest round so far in nanoseconds, or {@link Long#MAX_VALUE} before the first} */
    long best() {
        return best;
    }
}
