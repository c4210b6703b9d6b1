package io.jdatagen.simd;

import io.jdatagen.spi.Backends;

/** Started in a child JVM by {@link ModuleAbsentTest}: prints the table and the selected backend. */
public final class SelectionMain {
    private SelectionMain() {
    }

    /** Prints {@code Backends.describe()} and the selected backend's name. */
    public static void main(String[] args) {
        System.out.print(Backends.describe());
        System.out.println("selected=" + Backends.current().name());
    }
}
