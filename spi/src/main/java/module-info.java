/**
 * The user vocabulary ({@code io.jdatagen.core}: tensors, layouts, fill modes, interpolation,
 * element types), the kernel contracts and backend discovery: {@link io.jdatagen.spi.Backends}
 * finds every {@link io.jdatagen.spi.BackendProvider} with {@link java.util.ServiceLoader} (modules on
 * the module path that {@code provides} it, and {@code META-INF/services} entries on the class path)
 * and picks one. Depends on {@code java.base} only. Carries the two backends that always run: the
 * {@code reference} oracle and the plain-Java {@code scalar} warp, which automatic selection takes
 * when the Vector API module is not resolved.
 *
 * @uses io.jdatagen.spi.BackendProvider the backends, looked up once per JVM
 * @provides io.jdatagen.spi.BackendProvider {@code reference} and {@code scalar}
 */
module io.jdatagen.spi {
    requires org.slf4j;
    exports io.jdatagen.core;
    exports io.jdatagen.spi;
    exports io.jdatagen.spi.reference;
    exports io.jdatagen.spi.scalar;

    uses io.jdatagen.spi.BackendProvider;

    provides io.jdatagen.spi.BackendProvider with
            io.jdatagen.spi.reference.ReferenceBackendProvider,
            io.jdatagen.spi.scalar.ScalarBackendProvider;
}
