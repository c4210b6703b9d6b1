package io.jdatagen.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Loading every backend and codec leaves the JVM's logging as the application set it: the root
 * {@code java.util.logging} handlers keep their levels, a user's INFO record still reaches them,
 * and nothing is logged at WARNING or above (SEVERE/ERROR included) merely because a backend is
 * unavailable. Each case runs in a fresh JVM, so Aparapi initializes under test.
 */
class LoggingSideEffectsTest {
    private static final Pattern LINE = Pattern.compile(
            "(?m)^(provider|selected|codec|rootLevelsBefore|rootLevelsAfter|userInfoReachesRootHandlers|loud)=(.*)$");

    private static Map<String, String> probe(boolean vectorModule, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (vectorModule) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BackendLoadingProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JDATAGEN_BACKEND");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = LINE.matcher(out);
        while (m.find()) {
            values.merge(m.group(1), m.group(2), (a, b) -> a + "\n" + b);
        }
        values.put("output", out);
        assertTrue(!out.contains("SEVERE") && !out.contains("ERROR"), "nothing at SEVERE or ERROR: " + out);
        return values;
    }

    private static void assertUntouched(Map<String, String> v) {
        String out = v.get("output");
        assertEquals(v.get("rootLevelsBefore"), v.get("rootLevelsAfter"), "root handler levels: " + out);
        assertEquals("true", v.get("userInfoReachesRootHandlers"), out);
        assertEquals("[]", v.get("loud"), "records at WARNING or above: " + out);
    }

    @Test
    void everyBackendLoadsWithoutTouchingLogging() throws Exception {
        assertUntouched(probe(true, Map.of()));
    }

    @Test
    void withoutOpenClOrTheVectorModuleNothingLoudIsLogged() throws Exception {
        Map<String, String> v = probe(false, Map.of("OCL_ICD_VENDORS", "/nonexistent-opencl-vendors"));
        assertUntouched(v);
        assertTrue(v.get("provider").contains("aparapi Availability[available=false"), v.get("output"));
        assertEquals("scalar", v.get("selected"), v.get("output"));
    }
}
