package io.jdatagen.aparapi;

import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendProvider;

/**
 * Provides the {@code aparapi} backend (OpenCL through Aparapi). This class links no Aparapi
 * type: the device search runs in {@code OpenClDevices}, loaded reflectively, so a missing or
 * broken OpenCL runtime makes the backend unavailable instead of failing.
 *
 * <p>Aparapi is loaded only where an OpenCL driver is installed, and the root
 * {@code java.util.logging} handlers keep their levels across its initialization (Aparapi lowers
 * them to WARNING). Available only with a real OpenCL device; the backend never runs in Aparapi's Java
 * thread-pool fallback. Priority 200 with a GPU (or accelerator), above {@code simd}; with only an
 * OpenCL CPU device (e.g. PoCL) -20, below the reference, so that automatic selection never
 * picks it (the benchmark shows PoCL losing to simd and to the reference on the same cores) and
 * naming it ({@code -Djdatagen.backend=aparapi}) still works.
 */
public final class AparapiBackendProvider implements BackendProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public AparapiBackendProvider() {
        // The backend is built on demand.
    }

    /** The provider name. */
    public static final String NAME = "aparapi";
    static final int GPU_PRIORITY = 200;
    static final int CPU_DEVICE_PRIORITY = -20;
    private static final String SEAM = "io.jdatagen.aparapi.OpenClDevices";

    private DeviceSearch devices;
    private Availability availability;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized int priority() {
        probe();
        return devices != null && devices.hasGpu() ? GPU_PRIORITY : CPU_DEVICE_PRIORITY;
    }

    @Override
    public synchronized Availability probe() {
        if (availability == null) {
            String missing = OpenClRuntime.missingDriver(System.getenv(), System.getProperty("os.name", ""));
            if (missing != null) {
                availability = Availability.unavailable(missing + ": install an OpenCL driver, e.g."
                        + " pocl-opencl-icd (CPU) or the GPU vendor's ICD");
            } else {
                OpenClRuntime.keepingRootHandlerLevels(this::search);
            }
        }
        return availability;
    }

    /** Runs the device search behind the seam (this loads Aparapi). */
    private Void search() {
        try {
            DeviceSearch search = (DeviceSearch) Class.forName(SEAM).getDeclaredMethod("search").invoke(null);
            availability = search.availability();
            devices = search.available() ? search : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            availability = Availability.unavailable("OpenCL could not be loaded (" + cause + "): install an"
                    + " OpenCL driver, e.g. pocl-opencl-icd", cause);
        }
        return null;
    }

    @Override
    public synchronized Backend create() {
        Availability a = probe();
        if (!a.available()) {
            throw new IllegalStateException("the aparapi backend is unavailable: " + a.reason());
        }
        return devices.createBackend();
    }

    /** What the seam reports: whether a device was found, whether it is a GPU, and the backend on it. */
    interface DeviceSearch {
        boolean available();

        boolean hasGpu();

        Availability availability();

        Backend createBackend();
    }
}
