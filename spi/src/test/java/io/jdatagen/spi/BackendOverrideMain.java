package io.jdatagen.spi;

/** Started in a child JVM by {@link BackendsOverrideTest}: prints the selected backend's name. */
public final class BackendOverrideMain {
    private BackendOverrideMain() {
    }

    /** Prints {@code Backends.current().name()}; exits 1 with the error message on failure. */
    public static void main(String[] args) {
        try {
            System.out.println("selected=" + Backends.current().name());
        } catch (IllegalArgumentException e) {
            System.out.println("error=" + e.getMessage());
            System.exit(1);
        }
    }
}
