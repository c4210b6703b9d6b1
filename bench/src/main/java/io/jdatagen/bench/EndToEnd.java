package io.jdatagen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.CacheOptions;
import io.jdatagen.flow.CacheStatistics;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.ImageFlow;
import io.jdatagen.flow.StreamFlow;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * images per epoch, each epoch's images per second (timed from the loader's creation to the
 * last batch; the folder scan and the codec's loading come before), the wall-clock time of the
 * first batch ({@code firstBatchAt}, seconds since the epoch, for the parent to subtract its own
 * clock at the process's start), the process's peak resident set ({@code peakRssBytes}), the most
 * heap in use after a full collection ({@code liveHeapBytes}), the heap in use after a collection at
 * the end, the flow still open ({@code heapAtEndBytes}) and the heap's limit ({@code maxHeapBytes});
 * the cached runs add the cache's statistics, the shard runs their shuffle buffer. Every batch is
 * released once read, as the adapters do (the flow writes a later batch into its memory). The backend
 * is whatever automatic selection gives unless the command line sets {@code -Djdatagen.backend}.
 *
 * <pre>
 *   EndToEnd generate DIR COUNT                   writes COUNT photo-like JPEGs under DIR
 *   EndToEnd shards DIR SHARDS MB                 writes DIR's JPEGs into WebDataset shards of about MB
 *                                                 megabytes under SHARDS (labels as .cls members)
 *   EndToEnd decode DIR CODEC EPOCHS WORKERS      decode only (the ceiling): read, decode, RGB
 *   EndToEnd flow DIR CODEC RESIZE EPOCHS WORKERS the headline flow; RESIZE a Pillow filter or warp
 *   EndToEnd cached DIR CODEC RESIZE EPOCHS WORKERS MB
 *                                                 the headline flow with the decoded-sample cache: MB
 *                                                 megabytes on the heap, the rest in a temporary spill file
 *   EndToEnd direct DIR CODEC RESIZE EPOCHS WORKERS TYPE
 *                                                 the headline flow writing its batches into pooled direct
 *                                                 memory ({@code output(TYPE)}: float32, float16 or uint8)
 *   EndToEnd stream SHARDS CODEC RESIZE EPOCHS WORKERS BUFFER
 *                                                 the headline flow over the tar shards in SHARDS, a
 *                                                 shuffle buffer of BUFFER samples (local files: each
 *                                                 sample read at its place when its batch needs it)
 *   EndToEnd stream-front-to-back SHARDS CODEC RESIZE EPOCHS WORKERS BUFFER
 *                                                 the same, the shards read front to back as remote ones
 *                                                 are ({@code TarShards.streamed()}), holding the shuffle
 *                                                 buffer's encoded images
 *   EndToEnd alternate DIR CODEC RESIZE PAIRS WORKERS
 *                                                 after 3 warm-up pairs, PAIRS pairs of a decode-only
 *                                                 epoch and a flow epoch in this one JVM (a collection
 *                                                 before each): the flow's fraction of its own decode
 *                                                 without the drift between processes
 *   EndToEnd alternate-stream DIR SHARDS CODEC RESIZE ROUNDS WORKERS BUFFER
 *                                                 after 3 warm-up rounds, ROUNDS rounds of an epoch of the
 *                                                 folder flow over DIR, one of the stream flow over the
 *                                                 same images' tar shards in SHARDS and one of a second
 *                                                 folder flow (the control), in this one JVM, the order
 *                                                 rotating: the stream's rate over the folder's without
 *                                                 the drift between processes, and the control's
 * </pre>
 */
public final class EndToEnd {
    /** When the first batch (or decoded image) arrived, in seconds since the epoch; 0 before. */
    private static volatile double firstBatchAt;

    private EndToEnd() {
    }

    /**
     * Runs one command (see the class comment).
     *
     * @param args the command and its arguments
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        ProcessMemory.watchHeap();
        String usage = "usage: generate DIR COUNT | shards DIR SHARDS MB | decode DIR CODEC EPOCHS WORKERS"
                + " | flow DIR CODEC RESIZE EPOCHS WORKERS | cached DIR CODEC RESIZE EPOCHS WORKERS MB"
                + " | direct DIR CODEC RESIZE EPOCHS WORKERS TYPE | stream SHARDS CODEC RESIZE EPOCHS WORKERS BUFFER"
                + " | stream-front-to-back SHARDS CODEC RESIZE EPOCHS WORKERS BUFFER"
                + " | alternate DIR CODEC RESIZE PAIRS WORKERS"
                + " | alternate-stream DIR SHARDS CODEC RESIZE ROUNDS WORKERS BUFFER"
                + " (RESIZE one of " + String.join(", ", JpegFolder.RESIZES) + ")";
        String command = args.length == 0 ? "" : args[0];
        int expected = switch (command) {
            case "generate" -> 3;
            case "shards" -> 4;
            case "decode" -> 5;
            case "flow", "alternate" -> 6;
            case "cached", "direct", "stream", "stream-front-to-back" -> 7;
            case "alternate-stream" -> 8;
            default -> -1;
        };
        if (args.length != expected) {
            throw new IllegalArgumentException(usage);
        }
        Path path = Path.of(args[1]);
        switch (command) {
            case "generate" -> JpegFolder.write(path, Integer.parseInt(args[2]));
            case "shards" -> JpegShards.write(path, Path.of(args[2]), Long.parseLong(args[3]) << 20);
            case "decode" -> decode(path, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "alternate" -> alternate(path, args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "alternate-stream" -> alternateStream(path, Path.of(args[2]), args[3], args[4],
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            default -> {
                String codec = args[2];
                String resize = args[3];
                int epochs = Integer.parseInt(args[4]);
                int workers = Integer.parseInt(args[5]);
                switch (command) {
                    case "flow" -> run(JpegFolder.headlineFlow(path, codec, resize), flowName(codec, resize), epochs,
                            workers, Map.of());
                    case "cached" -> cached(path, codec, resize, epochs, workers, Long.parseLong(args[6]) << 20);
                    case "direct" -> run(JpegFolder.headlineFlow(path, codec, resize, o -> o.output(args[6])),
                            flowName(codec, resize) + ", output(\"" + args[6] + "\")", epochs, workers, Map.of());
                    default -> stream(path, codec, resize, epochs, workers, Integer.parseInt(args[6]),
                            command.equals("stream-front-to-back"));
                }
            }
        }
    }

    /** Runs {@code epochs} epochs of {@code flow} and prints its line with {@code more} fields. */
    private static void run(ImageFlow flow, String name, int epochs, int workers, Map<String, Object> more)
            throws IOException {
        double[] rates = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            rates[e] = flowEpoch(flow, workers);
        }
        print(name, flow.samples(), rates, more);
    }

    private static void cached(Path root, String codec, String resize, int epochs, int workers, long budget)
            throws IOException {
        try (FileFlow flow = JpegFolder.headlineFlow(root, codec, resize, o -> o.cache(CacheOptions.inMemory(budget)))) {
            double[] rates = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                rates[e] = flowEpoch(flow, workers);
            }
            CacheStatistics stats = flow.cacheStatistics().orElseThrow();
            Map<String, Object> cache = new LinkedHashMap<>();
            cache.put("budgetBytes", budget);
            cache.put("heapBytes", stats.heapBytes());
            cache.put("spilledBytes", stats.spilledBytes());
            cache.put("hits", stats.hits());
            cache.put("misses", stats.misses());
            print(flowName(codec, resize) + ", cached (" + (budget >> 20) + " MiB on the heap)", flow.samples(), rates,
                    Map.of("cache", cache));
        }
    }

    private static void stream(Path shards, String codec, String resize, int epochs, int workers, int buffer,
            boolean frontToBack) throws IOException {
        List<String> files = JpegShards.list(shards);
        TarShards source = frontToBack ? TarShards.of(files).streamed() : TarShards.of(files);
        try (StreamFlow flow = source.flow(JpegFolder.headlineGenerator().augmenter(),
                JpegFolder.headlineOptions(FlowOptions.stream(), codec, resize).shuffleBuffer(buffer))) {
            long bytes = 0;
            for (String f : files) {
                bytes += Files.size(Path.of(f));
            }
            run(flow, flowName(codec, resize) + ", " + files.size() + " tar shards" + (frontToBack
                    ? " read front to back" : "") + ", shuffle buffer " + buffer,
                    epochs, workers, Map.of("shuffleBuffer", buffer, "shards", files.size(), "shardBytes", bytes,
                            "frontToBack", frontToBack));
        }
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
        print("jdatagen " + codec + " codec, decode only", files.size(), rates, Map.of());
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

    /**
     * Rounds of three epochs over the same images: the folder flow, the stream flow and a second folder flow
     * (the control, whose rate over the first shows what this measurement resolves), in an order that rotates
     * from round to round. No collection is forced between them (unlike {@link #alternate}): a full collection
     * shrinks G1's heap, and the page faults of growing it again fell on whichever flow ran next.
     */
    private static void alternateStream(Path root, Path shards, String codec, String resize, int rounds,
            int workers, int buffer) throws Exception {
        FileFlow folder = JpegFolder.headlineFlow(root, codec, resize);
        FileFlow control = JpegFolder.headlineFlow(root, codec, resize);
        List<String> files = JpegShards.list(shards);
        int warmUp = 3;
        double[] folderRates = new double[rounds];
        double[] streamRates = new double[rounds];
        double[] controlRates = new double[rounds];
        try (StreamFlow stream = TarShards.of(files).flow(JpegFolder.headlineGenerator().augmenter(),
                JpegFolder.headlineOptions(FlowOptions.stream(), codec, resize).shuffleBuffer(buffer))) {
            if (stream.samples() != folder.samples()) {
                throw new IllegalArgumentException("the shards in " + shards + " hold " + stream.samples()
                        + " images, the folder " + root + " " + folder.samples());
            }
            ImageFlow[] flows = {folder, stream, control};
            for (int p = 0; p < warmUp + rounds; p++) {
                double[] rates = new double[3];
                for (int k = 0; k < 3; k++) {
                    int f = (p + k) % 3;
                    rates[f] = flowEpoch(flows[f], workers);
                }
                if (p >= warmUp) {
                    folderRates[p - warmUp] = rates[0];
                    streamRates[p - warmUp] = rates[1];
                    controlRates[p - warmUp] = rates[2];
                }
            }
        }
        double[] ratios = new double[rounds];
        double[] controls = new double[rounds];
        for (int p = 0; p < rounds; p++) {
            ratios[p] = streamRates[p] / folderRates[p];
            controls[p] = controlRates[p] / folderRates[p];
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", flowName(codec, resize) + ", " + files.size() + " tar shards (shuffle buffer " + buffer
                + ") alternated with the folder");
        line.put("images", folder.samples());
        line.put("folder", folderRates);
        line.put("stream", streamRates);
        line.put("control", controlRates);
        line.put("streamOverFolder", ratios);
        line.put("medianStreamOverFolder", median(ratios));
        line.put("controlOverFolder", controls);
        line.put("medianControlOverFolder", median(controls));
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String flowName(String codec, String resize) {
        return "jdatagen, " + codec + " codec, " + (resize.equals("warp") ? "resize in the warp" : resize + " resize");
    }

    /**
     * The flow's next epoch through a loader, each batch released once read: images per second from the
     * loader's creation to the last batch. Notes the first batch's wall-clock time.
     */
    private static double flowEpoch(ImageFlow flow, int workers) {
        long start = System.nanoTime();
        long checksum = 0;
        try (Loader<Batch> loader = Loader.of(flow, workers, 2)) {
            for (Batch b : loader) {
                noteFirst();
                checksum += b.size();
                b.release();
            }
        }
        if (checksum != flow.samples()) {
            throw new IllegalStateException("an epoch gave " + checksum + " of " + flow.samples() + " images");
        }
        return flow.samples() / ((System.nanoTime() - start) / 1e9);
    }

    /** Sets {@link #firstBatchAt} to now (seconds since the epoch) the first time it is called. */
    private static void noteFirst() {
        if (firstBatchAt == 0) {
            noteFirstOnce();
        }
    }

    private static synchronized void noteFirstOnce() {
        if (firstBatchAt == 0) {
            Instant now = Instant.now();
            firstBatchAt = now.getEpochSecond() + now.getNano() / 1e9;
        }
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
                        noteFirst();
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

    private static void print(String name, int images, double[] rates, Map<String, Object> more) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("images", images);
        line.put("epochs", rates);
        line.putAll(more);
        line.put("firstBatchAt", firstBatchAt);
        line.put("peakRssBytes", ProcessMemory.peakRssBytes());
        line.put("liveHeapBytes", ProcessMemory.liveHeapBytes());
        line.put("heapAtEndBytes", ProcessMemory.heapAfterCollectionBytes());
        line.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }
}
