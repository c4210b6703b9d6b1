package io.jdatagen.logging;

import io.jdatagen.io.ImageCodecs;
import io.jdatagen.spi.BackendProvider;
import io.jdatagen.spi.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a fresh JVM by {@link LoggingSideEffectsTest}: records every JUL record, loads and probes
 * every backend provider and codec, selects a backend, then reports the root handlers' levels
 * before and after, whether a user's INFO record still reaches them, and the records logged at
 * WARNING or above.
 */
public final class BackendLoadingProbe {
    private BackendLoadingProbe() {
    }

    /** Prints {@code key=value} lines for the test to read. */
    public static void main(String[] args) {
        Logger root = Logger.getLogger("");
        List<String> before = levels(root);
        List<String> loud = new ArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    loud.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        recorder.setLevel(Level.ALL);
        Logger.getLogger("io.jdatagen").addHandler(recorder);
        Logger.getLogger("com.aparapi").addHandler(recorder);
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            System.out.println("provider=" + p.name() + " " + p.probe());
            if (p.probe().available()) {
                p.create();
            }
        }
        System.out.println("selected=" + Backends.current().name());
        System.out.println("codec=" + ImageCodecs.current().name());
        List<String> after = levels(root);
        LogRecord userInfo = new LogRecord(Level.INFO, "a user's INFO record");
        boolean reaches = root.isLoggable(Level.INFO);
        for (Handler h : root.getHandlers()) {
            reaches &= h.isLoggable(userInfo);
        }
        System.out.println("rootLevelsBefore=" + before);
        System.out.println("rootLevelsAfter=" + after);
        System.out.println("userInfoReachesRootHandlers=" + reaches);
        System.out.println("loud=" + loud);
    }

    private static List<String> levels(Logger root) {
        List<String> out = new ArrayList<>();
        out.add("logger:" + root.getLevel());
        for (Handler h : root.getHandlers()) {
            out.add(h.getClass().getSimpleName() + ":" + h.getLevel());
        }
        return out;
    }
}
