package io.jdatagen.aparapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What must hold before Aparapi is touched: an OpenCL driver is installed (so Aparapi's loader is
 * not asked to fail, which it reports at SEVERE), and the root {@code java.util.logging} handlers
 * keep their levels (Aparapi's {@code Config} sets every root handler to WARNING when it
 * initializes, which would hide the application's INFO records).
 */
final class OpenClRuntime {
    private OpenClRuntime() {
    }

    /**
     * Why no OpenCL driver is installed, or null when one may be. On Linux a driver is an ICD file
     * in {@code OCL_ICD_VENDORS} or {@code /etc/OpenCL/vendors}; on Windows {@code OpenCL.dll} in
     * the system folder; macOS always has one.
     */
    static String missingDriver(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path dll = Path.of(env.getOrDefault("WINDIR", "C:\\Windows"), "System32", "OpenCL.dll");
            return Files.exists(dll) ? null : "no OpenCL driver (" + dll + " is missing)";
        }
        if (os.contains("mac")) {
            return null;
        }
        String vendors = env.get("OCL_ICD_VENDORS");
        Path dir = Path.of(vendors != null && !vendors.isBlank() ? vendors : "/etc/OpenCL/vendors");
        if (Files.isRegularFile(dir)) {
            return null;
        }
        try (Stream<Path> icds = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return icds.anyMatch(p -> p.getFileName().toString().endsWith(".icd")) ? null
                    : "no OpenCL driver (no .icd file in " + dir + ")";
        } catch (IOException e) {
            return "no OpenCL driver (" + dir + " cannot be listed: " + e.getMessage() + ")";
        }
    }

    /** Runs {@code action} and then puts back the levels the root logger's handlers had before it. */
    static <T> T keepingRootHandlerLevels(java.util.function.Supplier<T> action) {
        Handler[] handlers = Logger.getLogger("").getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            levels[i] = handlers[i].getLevel();
        }
        try {
            return action.get();
        } finally {
            for (int i = 0; i < handlers.length; i++) {
                if (handlers[i].getLevel() != levels[i]) {
                    handlers[i].setLevel(levels[i]);
                }
            }
        }
    }
}
