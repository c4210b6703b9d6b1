package io.jdatagen.bench.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.bench.report.BenchmarkResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeChartTest {
    private static BenchmarkResult warp(String backend, String size, String slots, double score) {
        return new BenchmarkResult("io.jdatagen.bench.WarpBenchmark.oneThread",
                Map.of("backend", backend, "plan", "headline", "size", size, "slots", slots), 1, score, 1, "ops/s",
                "25.0.3", "OpenJDK");
    }

    private static List<BenchmarkResult> rows() {
        List<BenchmarkResult> rows = new ArrayList<>();
        double score = 1;
        for (String size : ReadmeChart.SIZES) {
            for (String backend : List.of("reference", "scalar", "simd")) {
                rows.add(warp(backend, size, "32", 1000 + score));     // a batch's slots: not charted
                rows.add(warp(backend, size, "1", score++));
            }
            rows.add(new BenchmarkResult("io.jdatagen.bench.PeerBenchmark.opencvChain", Map.of("size", size), 1,
                    score++, 1, "ops/s", "25.0.3", "OpenJDK"));
            rows.add(new BenchmarkResult("io.jdatagen.bench.PeerBenchmark.opencvChain", Map.of("size", size), 2,
                    2000, 1, "ops/s", "25.0.3", "OpenJDK"));       // two threads: not charted
        }
        return rows;
    }

    @Test
    void picksTheOneThreadOneSlotHeadlineRowOfEachBarAtEachSize() {
        Map<String, List<Double>> scores = ReadmeChart.scores(rows());
        assertEquals(List.of("reference", "scalar", "simd", "opencv"), List.copyOf(scores.keySet()));
        assertEquals(List.of(1.0, 5.0), scores.get("reference"));
        assertEquals(List.of(2.0, 6.0), scores.get("scalar"));
        assertEquals(List.of(3.0, 7.0), scores.get("simd"));
        assertEquals(List.of(4.0, 8.0), scores.get("opencv"));
    }

    @Test
    void aMissingRowIsAnErrorNotAnEmptyBar() {
        List<BenchmarkResult> rows = rows();
        rows.removeIf(r -> "simd".equals(r.params().get("backend")) && "512".equals(r.params().get("size"))
                && "1".equals(r.params().get("slots")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadmeChart.scores(rows));
        assertTrue(e.getMessage().contains("simd") && e.getMessage().contains("512"), e.getMessage());
    }

    @Test
    void namesTheMachineFromTheReportsCpuAndSimdLines() {
        assertEquals("Intel Xeon, AVX-512", ReadmeChart.machine("## Environment\n\n"
                + "- CPU: Intel(R) Xeon(R) Processor, 2 cores available\n- SIMD flags: sse4_2, avx2, avx512f\n"));
        assertEquals("AMD EPYC 7B13, AVX2", ReadmeChart.machine("- CPU: AMD EPYC 7B13, 2 cores available\n"
                + "- SIMD flags: sse4_2, avx, avx2, fma\n"));
        assertEquals("Apple M2", ReadmeChart.machine("- CPU: Apple M2\n"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeChart.machine("# no environment\n"));
    }

    @Test
    void writesAPngOfTheChartsSize(@TempDir Path dir) throws Exception {
        Path png = ReadmeChart.write(rows(), "Test CPU", dir.resolve("images/chart.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(820, image.getWidth());
        assertEquals(460, image.getHeight());
    }
}
