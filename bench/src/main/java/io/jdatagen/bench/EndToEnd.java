package io.jdatagen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Epoch-by-epoch runs over a JPEG folder for the side-by-side comparison with the Python peers
 * ({@code bench/peers/run}): each run is its own JVM, like each peer is its own process, so the
 * first epoch shows the warm-up a user meets. Prints one JSON line: the contender's name, the
 * images per epoch and each epoch's images per second (timed from the loader's creation to the
 * last batch; the folder scan and the codec's loading come before).
 *
 * <pre>
 *   EndToEnd generate DIR COUNT                   writes COUNT photo-like JPEGs under DIR
 *   EndToEnd decode DIR CODEC EPOCHS WORKERS      decode only (the ceiling): read, decode, RGB
 *   EndToEnd flow DIR CODEC RESIZE EPOCHS WORKERS the headline flow; RESIZE a Pillow filter or warp
 *   EndToEnd alternate DIR CODEC RESIZE PAIRS WORKERS
 *                                                 after 3 warm-up pairs, PAIRS pairs of a decode-only
 *                                                 epoch and a flow epoch in this one JVM (a collection
 *                                                 before each): the flow's fraction of its own decode
 *                                                 without the drift between processes
 * </pre>
 */
public final class EndToEnd {
    private EndToEnd() {
    }

    /**
     * Runs one command (see the class comment).
     *
     * @param args the command and its arguments
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            JpegFolder.write(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 5 && args[0].equals("decode")) {
            decode(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 6 && args[0].equals("flow")) {
            flow(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else if (args.length == 6 && args[0].equals("alternate")) {
            alternate(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            throw new IllegalArgumentException("usage: generate DIR COUNT | decode DIR CODEC EPOCHS WORKERS"
                    + " | flow DIR CODEC RESIZE EPOCHS WORKERS | alternate DIR CODEC RESIZE PAIRS WORKERS"
                    + " (RESIZE one of " + String.join(", ", JpegFolder.RESIZES) + ")");
        }
    }

    private static void flow(Path root, String codec, String resize, int epochs, int workers) throws IOException {
        FileFlow flow = JpegFolder.headlineFlow(root, codec, resize);
        double[] rates = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            rates[e] = flowEpoch(flow, workers);
        }
        print(flowName(codec, resize), flow.samples(), rates);
    }

    private static void decode(Path root, String codec, int epochs, int workers) throws Exception {
        List<Path> files = JpegFolder.headlineFlow(root, codec, "nearest").paths();
        ImageFileReader reader = decodeOnly(codec);
        double[] rates = new double[epochs];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int e = 0; e < epochs; e++) {
                rates[e] = decodeEpoch(files, reader, pool, workers);
            }
        } finally {
            pool.shutdownNow();
        }
        print("jdatagen " + codec + " codec, decode only", files.size(), rates);
    }

    private static void alternate(Path root, String codec, String resize, int pairs, int workers) throws Exception {
        FileFlow flow = JpegFolder.headlineFlow(root, codec, resize);
        ImageFileReader reader = decodeOnly(codec);
        int warmUp = 3;
        double[] decodeRates = new double[pairs];
        double[] flowRates = new double[pairs];
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int p = 0; p < warmUp + pairs; p++) {
                System.gc();
                double decoded = decodeEpoch(flow.paths(), reader, pool, workers);
                System.gc();
                double flowed = flowEpoch(flow, workers);
                if (p >= warmUp) {
                    decodeRates[p - warmUp] = decoded;
                    flowRates[p - warmUp] = flowed;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", flowName(codec, resize) + ", alternated with decode only");
        line.put("images", flow.samples());
        line.put("decode", decodeRates);
        line.put("flow", flowRates);
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }

    private static String flowName(String codec, String resize) {
        return "jdatagen, " + codec + " codec, " + (resize.equals("warp") ? "resize in the warp" : resize + " resize");
    }

    /** The flow's next epoch through a loader: images per second from the loader's creation to the last batch. */
    private static double flowEpoch(FileFlow flow, int workers) {
        long start = System.nanoTime();
        long checksum = 0;
        try (Loader<Batch> loader = Loader.of(flow, workers, 2)) {
            for (Batch b : loader) {
                checksum += b.size();
            }
        }
        if (checksum != flow.samples()) {
            throw new IllegalStateException("an epoch gave " + checksum + " of " + flow.samples() + " images");
        }
        return flow.samples() / ((System.nanoTime() - start) / 1e9);
    }

    /** The decode-only work: read, decode, RGB, no resize. */
    private static ImageFileReader decodeOnly(String codec) {
        return new ImageFileReader(ImageCodecs.named(codec), ColorMode.RGB, null, ResizeFilter.NEAREST, false, true,
                false);
    }

    /** Every file decoded once by {@code workers} tasks on {@code pool}: images per second. */
    private static double decodeEpoch(List<Path> files, ImageFileReader reader, ExecutorService pool, int workers)
            throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger decoded = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    if (reader.decode(files.get(i)).data().length > 0) {
                        decoded.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        if (decoded.get() != files.size()) {
            throw new IllegalStateException("decoded " + decoded.get() + " of " + files.size() + " files");
        }
        return files.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void print(String name, int images, double[] rates) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("images", images);
        line.put("epochs", rates);
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }
}
