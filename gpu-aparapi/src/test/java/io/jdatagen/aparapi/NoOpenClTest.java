package io.jdatagen.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.spi.Backends;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without OpenCL (the ICD loader pointed at an empty vendor folder, in a fresh JVM since the
 * OpenCL library loads once per process) the backend is unavailable with its remedy and
 * automatic selection falls back.
 */
class NoOpenClTest {
    /** Prints the backend table and the automatic choice; run in the child JVM. */
    public static void main(String[] args) {
        System.out.print(Backends.describe());
        System.out.println("chosen: " + Backends.current().name());
    }

    @Test
    void withAnEmptyIcdFolderTheBackendIsUnavailableAndSelectionFallsBack(@TempDir Path vendors)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), NoOpenClTest.class.getName()));
        pb.environment().put("OCL_ICD_VENDORS", vendors.toString());
        pb.environment().remove("OPENCL_VENDOR_PATH");
        pb.environment().remove("JDATAGEN_BACKEND");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        String aparapi = out.lines().filter(l -> l.matches("[ *]+aparapi\\s.*")).findFirst().orElse("");
        assertTrue(aparapi.contains("unavailable"), out);
        assertTrue(aparapi.contains("no OpenCL") && aparapi.contains("pocl-opencl-icd"), out);
        assertTrue(out.contains("chosen: " + (Runtime.version().feature() >= 21 ? "simd" : "scalar")), out);
        assertTrue(Files.isDirectory(vendors));
    }
}
