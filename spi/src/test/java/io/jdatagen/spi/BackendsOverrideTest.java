package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The override chain in a fresh JVM each time: system property beats environment beats automatic. */
class BackendsOverrideTest {

    private record Result(int exit, String output) {
    }

    private static Result run(String property, String environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (property != null) {
            command.add("-D" + Backends.PROPERTY + "=" + property);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BackendOverrideMain.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove(Backends.ENVIRONMENT);
        if (environment != null) {
            pb.environment().put(Backends.ENVIRONMENT, environment);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    void automaticSelectionLogsOneInfoLineThroughSlf4j() throws Exception {
        Result r = run(null, null);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("selected=scalar"), r.output());
        assertTrue(r.output().contains("INFO io.jdatagen.spi.Backends - jdatagen backend: chose scalar"), r.output());
    }

    @Test
    void environmentVariableNamesTheBackend() throws Exception {
        Result r = run(null, "no-such-backend");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("error=backend 'no-such-backend' was requested but no such backend exists."
                + " Providers: scalar (priority 50, available: plain Java, any JDK; the fast path without the Vector"
                + " API); reference (priority 0, available: plain Java, always available)"), r.output());
    }

    @Test
    void systemPropertyBeatsEnvironment() throws Exception {
        Result r = run("reference", "no-such-backend");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("selected=reference"), r.output());
        Result unknown = run("nope", "reference");
        assertEquals(1, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("'nope'"), unknown.output());
    }
}
