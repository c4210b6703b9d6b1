package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --cache SIZE --cache-file PATH}: the same output as without a cache, one decode per image. */
class DemoCacheTest {
    private static final int IMAGES = 10;
    private static final Pattern COUNTS = Pattern.compile("Cache: (\\d+) decoded, (\\d+) served from the cache;"
            + " (\\d+) bytes on the heap, (\\d+) bytes in the spill file");

    /** Runs the demo for 3 epochs over {@code data} with {@code more} options, the preview going to {@code out}. */
    private static CliRun demo(Path data, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--data", data.toString(), "--epochs", "3",
                "--batch-size", "4", "--workers", "2", "--target-size", "24x24", "--out", out.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return r;
    }

    /** {@code {decoded, served, heap bytes, spill bytes}} from the demo's cache line. */
    private static long[] counts(CliRun r) {
        Matcher m = COUNTS.matcher(r.out());
        assertTrue(m.find(), r.out());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4))};
    }

    @Test
    void cachedRunsWriteTheSamePreviewAndDecodeEachImageOnce(@TempDir Path root) throws IOException {
        Path data = root.resolve("data");
        SampleDataset.write(data, 2, IMAGES / 2, 24, 3);
        CliRun plain = demo(data, root.resolve("plain"));
        assertFalse(plain.out().contains("Cache:"), "no cache unless asked: " + plain.out());
        byte[] expected = Files.readAllBytes(root.resolve("plain/preview.png"));

        CliRun heap = demo(data, root.resolve("heap"), "--cache", "64MB");
        long[] onHeap = counts(heap);
        assertEquals(IMAGES, onHeap[0], "one decode per image over the fit, 3 epochs and the preview: " + heap.out());
        assertTrue(onHeap[1] >= 3 * IMAGES, "every epoch read from the cache: " + heap.out());
        assertEquals((long) IMAGES * 24 * 24 * 3, onHeap[2], heap.out());
        assertArrayEquals(expected, Files.readAllBytes(root.resolve("heap/preview.png")));

        CliRun spilled = demo(data, root.resolve("spilled"), "--cache", "0");
        long[] allSpilled = counts(spilled);
        assertEquals(IMAGES, allSpilled[0], spilled.out());
        assertEquals(0, allSpilled[2], "a budget of 0 keeps nothing on the heap: " + spilled.out());
        assertTrue(allSpilled[3] > (long) IMAGES * 24 * 24 * 3, "every image in the spill file: " + spilled.out());
        assertArrayEquals(expected, Files.readAllBytes(root.resolve("spilled/preview.png")));
    }

    @Test
    void aCacheFileIsKeptAndServesTheNextRunWithoutDecoding(@TempDir Path root) throws IOException {
        Path data = root.resolve("data");
        SampleDataset.write(data, 2, IMAGES / 2, 24, 5);
        Path file = root.resolve("images.cache");
        CliRun first = demo(data, root.resolve("first"), "--cache-file", file.toString());
        assertEquals(IMAGES, counts(first)[0], first.out());
        assertTrue(Files.isRegularFile(file), "the named file is kept");
        CliRun second = demo(data, root.resolve("second"), "--cache", "1KB", "--cache-file", file.toString());
        assertEquals(0, counts(second)[0], "every image read from the file: " + second.out());
        assertArrayEquals(Files.readAllBytes(root.resolve("first/preview.png")),
                Files.readAllBytes(root.resolve("second/preview.png")));
    }

    @Test
    void aBadSizeIsAUsageErrorNamingTheOptionAndTheForms(@TempDir Path root) {
        for (String bad : List.of("12XB", "-1", "2.5GB", "MB", "99999999999TB")) {
            CliRun r = CliRun.of("demo", "--cache", bad, "--out", root.toString());
            assertEquals(ExitStatus.USAGE, r.status(), r.err());
            String line = r.errLines().get(0);
            assertTrue(line.startsWith("jdatagen demo: ") && line.contains("--cache") && line.contains("'" + bad + "'"),
                    line);
            assertTrue(line.contains(CacheOption.FORMS), line);
        }
        CacheOption.SizeConverter sizes = new CacheOption.SizeConverter();
        assertEquals(512_000_000L, sizes.convert("512mb"));
        assertEquals(2L << 30, sizes.convert("2GiB"));
        assertEquals(0, sizes.convert("0"));
        assertEquals(100, sizes.convert("100 B"));
    }
}
