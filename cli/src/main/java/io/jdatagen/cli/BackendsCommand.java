package io.jdatagen.cli;

import io.jdatagen.io.ImageCodecs;
import io.jdatagen.spi.Backends;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jdatagen backends}: every kernel backend and image codec found, and which are in use. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Lists the kernel backends and image codecs found on this machine, whether each is"
                + " available (and if not, what would make it so), and which ones are in use.",
            "When automatic selection picks simd, a 'warm start:' line says whether kernels still run on scalar"
                + " (the same bytes) while simd's are compiled on a daemon thread, or have switched to simd.",
            "Choose a backend with -Djdatagen.backend=NAME or JDATAGEN_BACKEND=NAME,",
            "and a codec with -Djdatagen.codec=NAME or JDATAGEN_CODEC=NAME."})
final class BackendsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Java " + Runtime.version() + " on " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors");
        out.println("Kernel backends:");
        out.print(Backends.describe());
        out.println("  in use: " + Backends.current().name());
        Backends.warmStart().ifPresent(state -> out.println("  " + state));
        out.println("Image codecs:");
        out.print(ImageCodecs.describe());
        out.println("  in use: " + ImageCodecs.current().name());
        out.flush();
        return 0;
    }
}
