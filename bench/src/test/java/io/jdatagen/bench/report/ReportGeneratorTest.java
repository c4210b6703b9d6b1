package io.jdatagen.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {
    private static final String JMH_JSON = "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.jdatagen.bench.X.fast\","
            + "\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,\"jdkVersion\":\"25.0.3\",\"vmName\":\"OpenJDK 64-Bit\","
            + "\"vmVersion\":\"25.0.3+9\",\"params\":{\"size\":\"224\"},\"primaryMetric\":{\"score\":3000.5,"
            + "\"scoreError\":12.25,\"scoreUnit\":\"ops/s\"}},"
            + "{\"jmhVersion\":\"1.37\",\"benchmark\":\"io.jdatagen.bench.X.slow\",\"mode\":\"thrpt\",\"threads\":2,"
            + "\"forks\":1,\"jdkVersion\":\"25.0.3\",\"vmName\":\"OpenJDK 64-Bit\",\"vmVersion\":\"25.0.3+9\","
            + "\"params\":{\"size\":\"224\"},\"primaryMetric\":{\"score\":1000.25,\"scoreError\":\"NaN\","
            + "\"scoreUnit\":\"ops/s\"}}]";

    @Test
    void writesATablePerClassWithRatiosAndACharts(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Files.writeString(json, JMH_JSON);
        List<BenchmarkResult> results = ReportGenerator.read(json);
        assertEquals(2, results.size());
        Path report = ReportGenerator.write(results, "- CPU: test\n", dir.resolve("out"));
        String md = Files.readString(report);
        assertTrue(md.contains("## X"), md);
        assertTrue(md.contains("| fast [size=224] | 3,000.5 | 12.3 | ops/s | 1.00× |"), md);
        assertTrue(md.contains("| slow [size=224] ×2 threads | 1,000.3 | – | ops/s | 0.33× |"), md);
        assertTrue(md.contains("- JMH run: JDK 25.0.3"), md);
        var png = ImageIO.read(dir.resolve("out/X.png").toFile());
        assertEquals(900, png.getWidth());
    }

    @Test
    void keepsWrittenSectionsOfTheReportItReplaces(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Files.writeString(json, JMH_JSON);
        String peers = "<!-- section:end-to-end -->\n## Peers\n| a | 1 |\n<!-- /section:end-to-end -->";
        String reading = "<!-- section:reading -->\nWhat the figures say.\n<!-- /section:reading -->";
        Files.writeString(dir.resolve("report.md"), "# old report\n| fast | 1.0 |\n\n" + peers + "\n\nloose text\n"
                + reading + "\n<!-- section:broken -->\nno end\n");
        String md = Files.readString(ReportGenerator.write(ReportGenerator.read(json), "- CPU: test\n", dir));
        assertTrue(md.contains("| fast [size=224] | 3,000.5 |"), md);
        assertTrue(md.indexOf(peers) > md.indexOf("## X") && md.indexOf(reading) > md.indexOf(peers), md);
        assertTrue(!md.contains("# old report") && !md.contains("loose text") && !md.contains("no end"), md);
    }
}
