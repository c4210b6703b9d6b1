package io.jdatagen.simd;

import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendProvider;

/**
 * Provides the {@code simd} backend (JDK Vector API). This class links no
 * {@code jdk.incubator.vector} type: the backend is created reflectively, so a JVM started without
 * {@code --add-modules jdk.incubator.vector} reports the backend unavailable instead of failing.
 *
 * <p>Priority: 100 on JDK 21 and later; on older runtimes the Vector API boxes its casts and
 * gathers (measured 4x slower than on JDK 25, allocating megabytes per image, and below
 * scalar code on another CPU), so the priority drops below the reference's and automatic
 * selection keeps the reference; naming {@code simd} still works.
 */
public final class SimdBackendProvider implements BackendProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public SimdBackendProvider() {
        // The backend is built on demand.
    }

    /** The headline plan's speed-up over the reference kernel on JDK 25, from the committed benchmark report. */
    static final int MEASURED_SPEEDUP = 10;
    /** The provider name. */
    public static final String NAME = "simd";
    private static final String MODULE = "jdk.incubator.vector";
    /** The first JDK whose Vector API does not box casts, gathers and two-vector rearranges. */
    static final int FIRST_FAST_RELEASE = 21;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return Runtime.version().feature() >= FIRST_FAST_RELEASE ? 100 : -10;
    }

    @Override
    public Availability probe() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Availability.unavailable("the Vector API module is missing: start the JVM with --add-modules "
                    + MODULE + " (JDK 21 or later) to enable simd, about " + MEASURED_SPEEDUP + "x the reference's"
                    + " speed on a typical augmentation (rotation, shift, zoom, flip, normalisation)");
        }
        try {
            Class.forName("jdk.incubator.vector.FloatVector");
        } catch (ClassNotFoundException | LinkageError e) {
            return Availability.unavailable("the Vector API cannot be loaded (" + e + "): start the JVM with"
                    + " --add-modules " + MODULE, e);
        }
        int release = Runtime.version().feature();
        if (release < FIRST_FAST_RELEASE) {
            return Availability.available("JDK " + release + " boxes Vector API casts and gathers (about 4x slower"
                    + " than on JDK 25, allocating per image): not auto-selected below JDK 21; name it to use it");
        }
        return Availability.available("JDK " + release + " Vector API, " + Probe.describeSpecies());
    }

    @Override
    public Backend create() {
        try {
            return (Backend) Class.forName("io.jdatagen.simd.SimdBackend").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot create the simd backend: " + e, e);
        }
    }

    /** Reads the vector shape reflectively, so that this provider links no Vector API type. */
    private static final class Probe {
        static String describeSpecies() {
            try {
                Object species = Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED")
                        .get(null);
                return String.valueOf(species);
            } catch (ReflectiveOperationException | LinkageError e) {
                return "species unknown";
            }
        }
    }
}
