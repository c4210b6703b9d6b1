package io.jdatagen.bench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static BenchmarkResult warp(int size, String slots, double score) {
        Map<String, String> params = slots == null
                ? Map.of("backend", "simd", "plan", "headline", "size", Integer.toString(size))
                : Map.of("backend", "simd", "plan", "headline", "size", Integer.toString(size), "slots", slots);
        return new BenchmarkResult("io.jdatagen.bench.WarpBenchmark.oneThread", params, 1, score, 1, "ops/s", "25",
                "vm");
    }

    @Test
    void comparesPixelRatesBetweenMeasurementsWithTheSameSlots() {
        // 512² has 5.22× the pixels of 224²: 1,000 vs 5,000 img/s is 1.04× per pixel, 800 vs 5,000 0.84×.
        String md = Summary.markdown(List.of(warp(224, "1", 5000), warp(512, "1", 1000), warp(224, "32", 5000),
                warp(512, "32", 800)));
        assertTrue(md.contains("| headline simd, pixels per second at 512² vs 224² (cost per pixel within 10%)"
                + " | 1,000 | 5,000 | 1.04× | ≥ 0.91× | met |"), md);
        assertTrue(md.contains("| headline simd, pixels per second at 512² vs 224², each into a 32-image batch"
                + " | 800 | 5,000 | 0.84× | ≥ 0.91× | missed by 8% |"), md);
        assertFalse(md.contains("1024²"), md);
    }

    @Test
    void readsResultsWithoutTheSlotsParameterAsOneSlot() {
        String md = Summary.markdown(List.of(warp(224, null, 5000), warp(512, null, 1000)));
        assertTrue(md.contains("(cost per pixel within 10%) | 1,000 | 5,000 | 1.04×"), md);
        assertFalse(md.contains("32-image batch"), md);
    }
}
