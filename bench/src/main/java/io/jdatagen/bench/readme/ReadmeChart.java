package io.jdatagen.bench.readme;

import io.jdatagen.bench.report.BenchmarkResult;
import io.jdatagen.bench.report.ReportGenerator;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The README's benchmark chart: images per second of the headline augmentation (224² and 512² RGB
 * into normalised float NCHW, one thread, one reused output) for each kernel backend and for the
 * OpenCV chain, read from the JMH results of {@code bench/reports/warp-scaling} (the figures the
 * README quotes) and drawn as grouped bars with their values, as a PNG. The title names the JDK of
 * the run and the machine that the {@code report.md} beside the results describes.
 */
public final class ReadmeChart {
    /** The bars, left to right: the JMH rows' backend (or the OpenCV peer) and the legend's words. */
    static final Map<String, String> SERIES = legend();
    /** The image sizes compared, as JMH's {@code size} parameter. */
    static final List<String> SIZES = List.of("224", "512");

    private ReadmeChart() {
    }

    /**
     * Reads the results and writes the chart.
     *
     * @param args the JMH JSON results (default {@code bench/reports/warp-scaling/results.json}), then the PNG
     *     to write (default {@code docs/images/warp-throughput.png})
     */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "bench/reports/warp-scaling/results.json");
        Path png = Path.of(args.length > 1 ? args[1] : "docs/images/warp-throughput.png");
        Path report = json.toAbsolutePath().resolveSibling("report.md");
        write(ReportGenerator.read(json), machine(Files.readString(report)), png);
        System.out.println("wrote " + png);
    }

    /**
     * {@return the machine a generated report describes, for the title: its {@code - CPU:} line's name
     * without trademark signs, and {@code AVX-512} or {@code AVX2} from its {@code - SIMD flags:} line}
     *
     * @param report the text of a {@code report.md} written by {@link ReportGenerator}
     * @throws IllegalArgumentException if the report has no CPU line
     */
    static String machine(String report) {
        String cpu = report.lines().filter(l -> l.startsWith("- CPU: ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the report names no CPU (no '- CPU: ' line)"))
                .substring("- CPU: ".length()).replaceFirst(",.*", "").replaceAll("\\((R|TM)\\)", "")
                .replace(" Processor", "").trim();
        String flags = report.lines().filter(l -> l.startsWith("- SIMD flags: ")).findFirst().orElse("");
        String vectors = flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : "";
        return vectors.isEmpty() ? cpu : cpu + ", " + vectors;
    }

    /**
     * Draws the chart of {@code results} into {@code png} (its parent folders created).
     *
     * @param machine the machine that ran them, for the title (see {@link #machine})
     * @return {@code png}
     * @throws IllegalArgumentException if a bar's row is missing from the results (see {@link #scores})
     */
    public static Path write(List<BenchmarkResult> results, String machine, Path png) throws IOException {
        Map<String, List<Double>> scores = scores(results);
        String jdk = results.get(0).jdk().replaceFirst("\\..*", "");
        CategoryChart chart = new CategoryChartBuilder().width(820).height(460)
                .title("Headline augmentation, one thread: JDK " + jdk + ", " + machine)
                .xAxisTitle("RGB image, augmented into normalised float NCHW").yAxisTitle("images per second")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendBorderColor(Color.WHITE);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(true);         // white on dark bars
        chart.getStyler().setLabelsFontColorAutomaticDark(Color.BLACK);
        chart.getStyler().setLabelsFontColorAutomaticLight(Color.WHITE);
        chart.getStyler().setLabelsPosition(1.0);
        double top = scores.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1);
        chart.getStyler().setYAxisMax(Math.ceil(top * 1.08 / 1000) * 1000);   // room for the tallest bar's label
        chart.getStyler().setDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xB0B0B0), new Color(0x6A9FD8),
            new Color(0x1F5FAD), new Color(0xE08A2C)});
        chart.getStyler().setAvailableSpaceFill(0.85);
        chart.getStyler().setOverlapped(false);
        List<String> sizes = SIZES.stream().map(s -> s + "²").toList();
        for (Map.Entry<String, String> series : SERIES.entrySet()) {
            chart.addSeries(series.getValue(), sizes, scores.get(series.getKey()));
        }
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        return png;
    }

    /**
     * {@return for each key of {@link #SERIES}, the scores at each of {@link #SIZES}: {@code
     * WarpBenchmark.oneThread} on the headline plan with one output slot for a backend, {@code
     * PeerBenchmark.opencvChain} for {@code opencv}}
     *
     * @param results the JMH rows of the warp-scaling run
     * @throws IllegalArgumentException if one of those rows is missing
     */
    static Map<String, List<Double>> scores(List<BenchmarkResult> results) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (String series : SERIES.keySet()) {
            List<Double> row = new ArrayList<>();
            for (String size : SIZES) {
                row.add(results.stream().filter(r -> matches(r, series, size)).mapToDouble(BenchmarkResult::score)
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + series + " row at size "
                                + size + " in the results")));
            }
            scores.put(series, row);
        }
        return scores;
    }

    private static boolean matches(BenchmarkResult r, String series, String size) {
        if (!size.equals(r.params().get("size")) || r.threads() != 1) {
            return false;
        }
        if (series.equals("opencv")) {
            return r.group().equals("PeerBenchmark") && r.method().equals("opencvChain");
        }
        return r.group().equals("WarpBenchmark") && r.method().equals("oneThread")
                && series.equals(r.params().get("backend")) && "headline".equals(r.params().get("plan"))
                && "1".equals(r.params().getOrDefault("slots", "1"));
    }

    private static Map<String, String> legend() {
        Map<String, String> legend = new LinkedHashMap<>();
        legend.put("reference", "reference (plain Java)");
        legend.put("scalar", "scalar (plain Java)");
        legend.put("simd", "simd (Vector API)");
        legend.put("opencv", "OpenCV 4.13 chain");
        return legend;
    }
}
