package io.jdatagen.simd;

import io.jdatagen.spi.Backends;

/**
 * Started in a child JVM by {@link ModuleAbsentTest}: prints the table, the selected backend, the
 * warm start's state ({@code none} when it does not apply) and whether a warm-up thread exists.
 */
public final class SelectionMain {
    private SelectionMain() {
    }

    /** Prints {@code Backends.describe()}, the selected backend's name and {@code warmStart=STATE}. */
    public static void main(String[] args) {
        System.out.print(Backends.describe());
        System.out.println("selected=" + Backends.current().name());
        System.out.println("warmStart=" + Backends.warmStart().orElse("none"));
        System.out.println("warmUpThread=" + Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("jdatagen-warm-up")));
    }
}
