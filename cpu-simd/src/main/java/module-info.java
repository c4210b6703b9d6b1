/**
 * The {@code simd} backend on the JDK Vector API. The incubator module is a static dependence: a
 * JVM resolves it only when started with {@code --add-modules jdk.incubator.vector}, and without it
 * this module still loads, its provider's probe reporting {@code simd} unavailable (with that flag as
 * the remedy) so that automatic selection takes {@code scalar}, exactly as on the class path.
 *
 * <p>Exports its one public type, the provider (its name constant is what {@code -Djdatagen.backend}
 * takes), whose signatures use the spi types; the kernels stay inside.
 *
 * @provides io.jdatagen.spi.BackendProvider {@code simd}
 */
module io.jdatagen.simd {
    requires transitive io.jdatagen.spi;
    requires static jdk.incubator.vector;

    exports io.jdatagen.simd;

    provides io.jdatagen.spi.BackendProvider with io.jdatagen.simd.SimdBackendProvider;
}
