package io.jdatagen.bench.report;

import io.jdatagen.spi.BackendSelector;
import io.jdatagen.spi.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The machine a report was made on: CPU model and SIMD flags, cores, the generating JDK. */
final class Environment {
    private Environment() {
    }

    /** Markdown bullet lines describing this machine. */
    static String describe() {
        List<String> lines = new ArrayList<>();
        String model = "unknown";
        String flags = "";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> s = Files.lines(cpuinfo)) {
                for (String line : (Iterable<String>) s::iterator) {
                    if (line.startsWith("model name") && model.equals("unknown")) {
                        model = line.substring(line.indexOf(':') + 1).trim();
                    } else if (line.startsWith("flags") && flags.isEmpty()) {
                        flags = line.substring(line.indexOf(':') + 1);
                    }
                }
            } catch (IOException e) {
                model = "unreadable /proc/cpuinfo: " + e.getMessage();
            }
        }
        List<String> simd = new ArrayList<>();
        for (String f : List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl")) {
            if ((" " + flags + " ").contains(" " + f + " ")) {
                simd.add(f);
            }
        }
        lines.add("- CPU: " + model + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        lines.add("- SIMD flags: " + (simd.isEmpty() ? "none found" : String.join(", ", simd)));
        lines.add("- Vector species (this JVM): " + species());
        lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        for (BackendSelector.ProviderStatus s : Backends.providers()) {
            lines.add("- backend " + s.name() + ": " + (s.availability().available() ? "" : "unavailable, ")
                    + s.availability().reason());
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code FloatVector.SPECIES_PREFERRED}, read reflectively (needs --add-modules jdk.incubator.vector). */
    private static String species() {
        try {
            return String.valueOf(Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED")
                    .get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown (the Vector API module is not in this JVM)";
        }
    }
}
