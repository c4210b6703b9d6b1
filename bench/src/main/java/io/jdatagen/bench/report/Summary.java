package io.jdatagen.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The performance bars, computed from one run's results: each line names the
 * two measurements, their ratio and the target. Lines whose measurements are missing are left out.
 */
final class Summary {
    private Summary() {
    }

    /**
     * A bar: ours over theirs, times {@code weight} (e.g. the ratio of their image sizes in pixels, to compare
     * rates per pixel), must reach {@code target}.
     */
    private record Bar(String claim, String ours, Map<String, String> oursParams, String theirs,
            Map<String, String> theirsParams, double target, double weight) {
        Bar(String claim, String ours, Map<String, String> oursParams, String theirs, Map<String, String> theirsParams,
                double target) {
            this(claim, ours, oursParams, theirs, theirsParams, target, 1);
        }
    }

    private static final String WARP = "WarpBenchmark.oneThread";

    private static final List<Bar> BARS = List.of(
            vsOpencvChain(224, 2.0),
            new Bar("headline 224² NCHW, 1 thread: simd vs reference", WARP, warp("simd", "headline", 224), WARP,
                    warp("reference", "headline", 224), 4.0),
            new Bar("nearest 224²: simd (full pipeline) vs OpenCV warpAffine nearest", WARP,
                    warp("simd", "nearest", 224), "PeerBenchmark.opencvWarpNearest", Map.of("size", "224"), 1.0),
            new Bar("flip-only 224²: simd vs arraycopy of the float output", WARP, warp("simd", "flip", 224),
                    "BaselineBenchmark.arraycopyFloatImage", Map.of("size", "224"), 0.5),
            new Bar("headline 224²: simd two threads vs one", "WarpBenchmark.twoThreads",
                    warp("simd", "headline", 224), WARP, warp("simd", "headline", 224), 1.8),
            new Bar("headline NHWC vs NCHW (simd, 224²)", WARP, warp("simd", "headline-nhwc", 224), WARP,
                    warp("simd", "headline", 224), 0.6),
            vsOpencvChain(32, 2.0),
            new Bar("resize in the warp 500×375 → 224² (bilinear, no antialiasing): simd vs OpenCV INTER_LINEAR",
                    "ResizeBenchmark.resize",
                    Map.of("impl", "simd"), "ResizeBenchmark.resize", Map.of("impl", "opencv"), 1.0),
            new Bar("headline 224² NCHW, no Vector API: scalar vs reference", WARP, warp("scalar", "headline", 224),
                    WARP, warp("reference", "headline", 224), 2.5),
            vsOpencvChain(512, 3.0),
            perPixel(512, 1, " (cost per pixel within 10%)"), perPixel(1024, 1, ""),
            perPixel(512, 32, ", each into a 32-image batch"), perPixel(1024, 32, ", each into a 32-image batch"));

    /** Parameters a result written before they existed had at these values. */
    private static final Map<String, String> DEFAULTS = Map.of("slots", "1");

    /** The parameters of a one-thread warp measurement into one reused output slot. */
    private static Map<String, String> warp(String backend, String plan, int size) {
        return warp(backend, plan, size, 1);
    }

    /** The parameters of a one-thread warp measurement writing {@code slots} output slots in turn. */
    private static Map<String, String> warp(String backend, String plan, int size, int slots) {
        return Map.of("backend", backend, "plan", plan, "size", Integer.toString(size), "slots",
                Integer.toString(slots));
    }

    /** The bar comparing the simd headline warp at {@code size}² with the OpenCV chain at the same size. */
    private static Bar vsOpencvChain(int size, double target) {
        return new Bar("headline " + size + "² NCHW, 1 thread: simd vs OpenCV chain", WARP,
                warp("simd", "headline", size), "PeerBenchmark.opencvChain", Map.of("size", Integer.toString(size)),
                target);
    }

    /**
     * The bar comparing the headline warp's pixels per second at {@code size}² with 224², both
     * writing {@code slots} output slots in turn: within 10%.
     */
    private static Bar perPixel(int size, int slots, String note) {
        return new Bar("headline simd, pixels per second at " + size + "² vs 224²" + note, WARP,
                warp("simd", "headline", size, slots), WARP, warp("simd", "headline", 224, slots), 1 / 1.1,
                (double) size * size / (224 * 224));
    }

    /** An absolute bar: a measurement must reach {@code minimum} (same unit as its score). */
    private record Floor(String claim, String name, Map<String, String> params, double minimum) {
    }

    private static final List<Floor> FLOORS = List.of(
            new Floor("JPEG folder → augmented batches, 2 workers, opencv codec (nearest resize)",
                    "PipelineBenchmark.epoch", Map.of("codec", "opencv", "resize", "nearest"), 1500),
            new Floor("JPEG folder → augmented batches, 2 workers, imageio codec (nearest resize)",
                    "PipelineBenchmark.epoch", Map.of("codec", "imageio", "resize", "nearest"), 600));

    /** A Markdown table of the bars found in {@code results}, or an empty string. */
    static String markdown(List<BenchmarkResult> results) {
        StringBuilder md = new StringBuilder();
        for (Bar bar : BARS) {
            Optional<BenchmarkResult> ours = find(results, bar.ours(), bar.oursParams());
            Optional<BenchmarkResult> theirs = find(results, bar.theirs(), bar.theirsParams());
            if (ours.isEmpty() || theirs.isEmpty()) {
                continue;
            }
            double ratio = bar.weight() * ours.get().score() / theirs.get().score();
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× | ≥ %.2f× | %s |%n", bar.claim(),
                    ours.get().score(), theirs.get().score(), ratio, bar.target(), ratio >= bar.target() ? "met"
                            : String.format(Locale.ROOT, "missed by %.0f%%", 100 * (1 - ratio / bar.target()))));
        }
        for (Floor floor : FLOORS) {
            Optional<BenchmarkResult> r = find(results, floor.name(), floor.params());
            if (r.isPresent()) {
                double ratio = r.get().score() / floor.minimum();
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | – | – | ≥ %,.0f img/s | %s |%n", floor.claim(),
                        r.get().score(), floor.minimum(), ratio >= 1 ? "met"
                                : String.format(Locale.ROOT, "missed by %.0f%%", 100 * (1 - ratio))));
            }
        }
        if (md.length() == 0) {
            return "";
        }
        return "## Performance bars\n\n| claim | ours (img/s) | compared with (img/s) | ratio | target | |\n"
                + "|---|---:|---:|---:|---:|---|\n" + md;
    }

    private static Optional<BenchmarkResult> find(List<BenchmarkResult> results, String name, Map<String, String> params) {
        return results.stream().filter(r -> r.benchmark().endsWith("." + name) || r.benchmark().equals(name))
                .filter(r -> params.entrySet().stream().allMatch(
                        e -> e.getValue().equals(r.params().getOrDefault(e.getKey(), DEFAULTS.get(e.getKey())))))
                .findFirst();
    }
}
