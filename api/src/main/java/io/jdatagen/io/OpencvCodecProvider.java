package io.jdatagen.io;

import io.jdatagen.spi.Availability;

/**
 * Provides the {@code opencv} codec when {@code org.bytedeco:opencv} (with its natives for this
 * platform) is on the class path; priority 100, so it wins over {@code imageio} when present.
 */
public final class OpencvCodecProvider implements ImageCodecProvider {
    private static final String REMEDY = "add org.bytedeco:opencv:4.13.0-1.5.13 with the classifier for this"
            + " platform (e.g. linux-x86_64) to the class path";

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
        try {
            Class.forName("org.bytedeco.opencv.global.opencv_imgcodecs", false,
                    OpencvCodecProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Availability.unavailable("OpenCV classes not found: " + REMEDY);
        }
        try {
            OpencvCodec.loadNatives();
        } catch (LinkageError | RuntimeException e) {
            return Availability.unavailable("OpenCV natives did not load (" + e.getMessage() + "): " + REMEDY);
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
