package io.jdatagen.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Which of the artifacts the {@code opencv} codec needs are missing from the class path: the
 * OpenCV, OpenBLAS and JavaCPP jars, each with the natives for this platform. Looks for their
 * classes and native libraries as resources, without loading anything.
 */
final class OpencvArtifacts {
    static final String OPENCV = "4.13.0-1.5.13";
    static final String OPENBLAS = "0.3.31-1.5.13";
    static final String JAVACPP = "1.5.13";
    /** The one dependency that brings all of them for the build machine's platform. */
    static final String RECIPE = "add io.jdatagen:jdatagen-opencv (or org.bytedeco:opencv:" + OPENCV + ", "
            + "org.bytedeco:openblas:" + OPENBLAS + " and org.bytedeco:javacpp:" + JAVACPP
            + ", each also with this platform's classifier)";

    private OpencvArtifacts() {
    }

    /** JavaCPP's name for this platform, e.g. {@code linux-x86_64} or {@code macosx-arm64}. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String name = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.replace(" ", "");
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i486", "i586", "i686", "x86" -> "x86";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return name + "-" + arch;
    }

    /** The missing artifacts as Maven coordinates (empty when all are there). */
    static List<String> missing(ClassLoader loader, String platform) {
        List<String> missing = new ArrayList<>();
        check(loader, "org/bytedeco/opencv/global/opencv_imgcodecs.class", "org.bytedeco:opencv:" + OPENCV, missing);
        check(loader, "org/bytedeco/opencv/" + platform + "/" + System.mapLibraryName("jniopencv_imgcodecs"),
                "org.bytedeco:opencv:" + OPENCV + ":" + platform, missing);
        check(loader, "org/bytedeco/openblas/global/openblas.class", "org.bytedeco:openblas:" + OPENBLAS, missing);
        check(loader, "org/bytedeco/openblas/" + platform + "/" + System.mapLibraryName("jniopenblas"),
                "org.bytedeco:openblas:" + OPENBLAS + ":" + platform, missing);
        check(loader, "org/bytedeco/javacpp/Loader.class", "org.bytedeco:javacpp:" + JAVACPP, missing);
        check(loader, "org/bytedeco/javacpp/" + platform + "/" + System.mapLibraryName("jnijavacpp"),
                "org.bytedeco:javacpp:" + JAVACPP + ":" + platform, missing);
        return missing;
    }

    /**
     * Why the OpenCV or JavaCPP version on the class path cannot serve the codec (another library,
     * e.g. DL4J, may bring older ones), or null when both are the ones it is built against.
     */
    static String versionConflict(ClassLoader loader) {
        String opencv = version(loader, "opencv");
        String javacpp = version(loader, "javacpp");
        if ((opencv == null || opencv.equals(OPENCV)) && (javacpp == null || javacpp.equals(JAVACPP))) {
            return null;
        }
        return "the class path holds org.bytedeco:opencv:" + opencv + " and org.bytedeco:javacpp:" + javacpp
                + " (brought by another library?), but the codec needs " + OPENCV + " and " + JAVACPP;
    }

    /** The version in {@code org.bytedeco:ARTIFACT}'s Maven metadata on the class path, or null. */
    private static String version(ClassLoader loader, String artifact) {
        try (InputStream in = loader.getResourceAsStream("META-INF/maven/org.bytedeco/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private static void check(ClassLoader loader, String resource, String coordinates, List<String> missing) {
        if (loader.getResource(resource) == null) {
            missing.add(coordinates);
        }
    }
}
