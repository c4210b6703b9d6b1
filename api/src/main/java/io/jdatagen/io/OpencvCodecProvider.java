package io.jdatagen.io;

import io.jdatagen.spi.Availability;
import java.util.List;

/**
 * Provides the {@code opencv} codec when OpenCV, OpenBLAS and JavaCPP with their natives for this
 * platform are on the class path ({@code io.jdatagen:jdatagen-opencv} brings them); priority 100,
 * so it wins over {@code imageio} when present. When unavailable, the reason names the missing
 * artifacts.
 */
public final class OpencvCodecProvider implements ImageCodecProvider {
    /** Creates the provider ({@link java.util.ServiceLoader} calls it). */
    public OpencvCodecProvider() {
        // No state: the codec is built on demand.
    }

    @Override
    public String name() {
        return OpencvCodec.NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        String platform = OpencvArtifacts.platform(System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""));
        List<String> missing = OpencvArtifacts.missing(OpencvCodecProvider.class.getClassLoader(), platform);
        if (!missing.isEmpty()) {
            return Availability.unavailable("missing " + String.join(", ", missing) + ": " + OpencvArtifacts.RECIPE);
        }
        String conflict = OpencvArtifacts.versionConflict(OpencvCodecProvider.class.getClassLoader());
        if (conflict != null) {
            return Availability.unavailable(conflict + ": " + OpencvArtifacts.RECIPE);
        }
        try {
            OpencvCodec.loadNatives();
        } catch (LinkageError | RuntimeException e) {
            return Availability.unavailable("OpenCV natives for " + platform + " did not load (" + e.getMessage()
                    + "): " + OpencvArtifacts.RECIPE);
        }
        return Availability.available("OpenCV imdecode (libjpeg-turbo) through JavaCPP");
    }

    @Override
    public ImageCodec create() {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("opencv codec unavailable: " + a.reason());
        }
        return new OpencvCodec();
    }
}
