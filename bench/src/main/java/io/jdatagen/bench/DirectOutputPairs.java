package io.jdatagen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.ElementType;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.CacheOptions;
import io.jdatagen.flow.FileFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link DirectOutputBenchmark}'s heap and direct flows measured in one JVM, an epoch of each in turn
 * (the order swapped every pair), so that both meet the same load on a shared machine; the ratio of
 * each pair is the direct flow's rate over the heap flow's. Batches are released after reading, as the
 * adapters do. Prints one JSON line: the pairs' rates and the median and quartiles of the ratios.
 *
 * <pre>
 *   DirectOutputPairs SOURCE TYPE IMAGES PAIRS WORKERS
 *     SOURCE cached (decoded images from a heap cache) or files (decode every epoch)
 *     TYPE   float32, float16 or uint8 (the direct flow's output)
 * </pre>
 */
public final class DirectOutputPairs {
    private static final int WARM_UP_PAIRS = 5;

    private DirectOutputPairs() {
    }

    /**
     * Runs the measurement (see the class comment).
     *
     * @param args SOURCE TYPE IMAGES PAIRS WORKERS
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: DirectOutputPairs cached|files float32|float16|uint8 IMAGES"
                    + " PAIRS WORKERS");
        }
        boolean cached = args[0].equals("cached");
        ElementType type = ElementType.parse(args[1]);
        int images = Integer.parseInt(args[2]);
        int pairs = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        Path root = Files.createTempDirectory("jdatagen-direct-pairs");
        try {
            JpegFolder.write(root, images);
            CacheOptions cache = CacheOptions.inMemory(1L << 30);
            try (FileFlow heap = JpegFolder.headlineFlow(root, "opencv", "bilinear", o -> cached ? o.cache(cache) : o);
                    FileFlow direct = JpegFolder.headlineFlow(root, "opencv", "bilinear",
                            o -> cached ? o.output(type).cache(cache) : o.output(type))) {
                run(heap, direct, pairs, workers, args);
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(FileFlow heap, FileFlow direct, int pairs, int workers, String[] args) throws Exception {
        double[] heapRates = new double[pairs];
        double[] directRates = new double[pairs];
        double[] ratios = new double[pairs];
        for (int p = 0; p < WARM_UP_PAIRS + pairs; p++) {
            boolean heapFirst = p % 2 == 0;
            double first = epoch(heapFirst ? heap : direct, workers);
            double second = epoch(heapFirst ? direct : heap, workers);
            if (p >= WARM_UP_PAIRS) {
                int k = p - WARM_UP_PAIRS;
                heapRates[k] = heapFirst ? first : second;
                directRates[k] = heapFirst ? second : first;
                ratios[k] = directRates[k] / heapRates[k];
            }
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", args[0]);
        line.put("output", args[1]);
        line.put("images", heap.samples());
        line.put("workers", workers);
        line.put("heap", heapRates);
        line.put("direct", directRates);
        line.put("ratioMedian", sorted[pairs / 2]);
        line.put("ratioQuartiles", new double[] {sorted[pairs / 4], sorted[3 * pairs / 4]});
        System.out.println(new ObjectMapper().writeValueAsString(line));
    }

    /** One epoch through a loader, each batch released once read: images per second. */
    private static double epoch(FileFlow flow, int workers) {
        long start = System.nanoTime();
        long count = 0;
        try (Loader<Batch> loader = Loader.of(flow, workers, 2)) {
            for (Batch b : loader) {
                count += b.size();
                b.release();
            }
        }
        if (count != flow.samples()) {
            throw new IllegalStateException("an epoch gave " + count + " of " + flow.samples() + " images");
        }
        return flow.samples() / ((System.nanoTime() - start) / 1e9);
    }
}
