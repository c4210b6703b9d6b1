package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The seam: without the incubator module the backend is unavailable with its remedy, and nothing crashes. */
class ModuleAbsentTest {

    private static String run(boolean withModule, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (withModule) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SelectionMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JDATAGEN_BACKEND");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void withoutTheModuleSimdIsUnavailableAndReferenceIsChosen() throws Exception {
        String out = run(false);
        assertTrue(out.contains("selected=scalar"), out);
        assertTrue(out.matches("(?s).*simd\\s+-?\\d+\\s+unavailable\\s+the Vector API module is missing: start the JVM"
                + " with --add-modules jdk.incubator.vector.*"), out);
        assertTrue(out.contains("skipped simd (the Vector API module is missing"), "one log line says why: " + out);
        assertTrue(out.matches("(?s).*INFO.*skipped simd \\(.*--add-modules jdk.incubator.vector.*about \\d+x the"
                + " reference's speed.*"), "the log line, at INFO, gives the flag and the speed-up: " + out);
    }

    @Test
    void withTheModuleSelectionFollowsTheRuntimeVersion() throws Exception {
        String out = run(true);
        String expected = Runtime.version().feature() >= 21 ? "selected=simd" : "selected=scalar";
        assertTrue(out.contains(expected), out);
        assertTrue(out.matches("(?s).*simd\\s+-?\\d+\\s+available.*"), out);
        assertEquals(Runtime.version().feature() >= 21, out.contains("warmStart=warm start: "),
                "automatic selection of simd starts warm, and only then: " + out);
    }

    @Test
    void withoutTheModuleNothingStartsWarm() throws Exception {
        String out = run(false);
        assertTrue(out.contains("warmStart=none"), out);
        assertTrue(out.contains("warmUpThread=false"), out);
    }

    @Test
    void aNamedBackendNeverStartsWarm() throws Exception {
        for (String name : List.of("simd", "scalar")) {
            String out = run(true, "-Djdatagen.backend=" + name);
            assertTrue(out.contains("selected=" + name), out);
            assertTrue(out.contains("warmStart=none"), "-Djdatagen.backend=" + name + ": " + out);
            assertTrue(out.contains("warmUpThread=false"), "no warm-up thread: " + out);
        }
    }
}
