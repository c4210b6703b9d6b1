package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import io.jdatagen.io.TestImages;
import io.jdatagen.shards.ShardIndex;
import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment --shard-size}: WebDataset shards, byte-identical across runs and worker counts. */
class AugmentShardsTest {
    /** Four PNGs: one at the top, three in class folders (one with a dot in its name). */
    private static Path folder(Path root) {
        Path in = root.resolve("in");
        TestImages.write(in.resolve("top.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(20, 30, 3)), "png"));
        TestImages.write(in.resolve("cats/a.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(16, 24)), "png"));
        TestImages.write(in.resolve("cats/b.v2.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.gradient(25, 15, 3)), "png"));
        TestImages.write(in.resolve("dogs/c.png"), TestImages.encode(TestImages.toBuffered(
                TestImages.blocks(30, 20)), "png"));
        return in;
    }

    private static List<Path> tars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals(ShardIndex.FILE_NAME)).sorted().toList();
        }
    }

    @Test
    void shardsAreTheSameBytesForAnyWorkerCountAndHoldTheFileModesCopies(@TempDir Path root) throws IOException {
        Path in = folder(root);
        List<List<Path>> runs = new ArrayList<>();
        for (String workers : new String[] {"1", "3"}) {
            Path out = root.resolve("shards-" + workers);
            CliRun r = CliRun.of("augment", in.toString(), out.toString(), "--copies", "2", "--seed", "5",
                    "--workers", workers, "--shard-size", "4KiB");
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("Wrote 8 images"), r.out());
            runs.add(tars(out));
        }
        assertTrue(runs.get(0).size() > 1, "4 KiB shards: several " + runs.get(0));
        assertEquals(runs.get(0).stream().map(p -> p.getFileName().toString()).toList(),
                runs.get(1).stream().map(p -> p.getFileName().toString()).toList());
        for (int s = 0; s < runs.get(0).size(); s++) {
            assertEquals("shard-" + String.format("%06d", s) + ".tar", runs.get(0).get(s).getFileName().toString());
            assertArrayEquals(Files.readAllBytes(runs.get(0).get(s)), Files.readAllBytes(runs.get(1).get(s)));
            assertTrue(Files.size(runs.get(0).get(s)) <= 4096);
        }
        // Beside the shards, their index: the same bytes for any worker count.
        Path index = runs.get(0).get(0).resolveSibling(ShardIndex.FILE_NAME);
        assertArrayEquals(Files.readAllBytes(index), Files.readAllBytes(runs.get(1).get(0).resolveSibling(
                ShardIndex.FILE_NAME)));

        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ShardSource source = TarShards.of(runs.get(0).stream().map(Path::toString).toList()).list();
        for (int s = 0; s < runs.get(0).size(); s++) {
            for (ShardSource.Member m : source.samples(s)) {
                names.add(m.name().substring(m.name().indexOf('/') + 1));
                labels.add(m.label());
            }
        }
        // The walk order: the top folder's files, then each sub-folder's.
        assertEquals(List.of("top_1.png", "top_2.png", "cats/a_1.png", "cats/a_2.png", "cats/b_v2_1.png",
                "cats/b_v2_2.png", "dogs/c_1.png", "dogs/c_2.png"), names);
        assertEquals(Arrays.asList(null, null, "cats", "cats", "cats", "cats", "dogs", "dogs"), labels);
        ShardSource indexed = TarShards.indexed(index.toString()).list();
        assertEquals(source.shards(), indexed.shards());
        for (int s = 0; s < runs.get(0).size(); s++) {
            assertEquals(source.samples(s), indexed.samples(s));
        }

        Path files = root.resolve("files");
        CliRun r = CliRun.of("augment", in.toString(), files.toString(), "--copies", "2", "--seed", "5");
        assertEquals(0, r.status(), r.err());
        List<byte[]> members = new ArrayList<>();
        for (int s = 0; s < runs.get(0).size(); s++) {
            try (ShardSource.Reader reader = source.open(s)) {
                for (byte[] b = reader.next(); b != null; b = reader.next()) {
                    members.add(b);
                }
            }
        }
        assertArrayEquals(Files.readAllBytes(files.resolve("cats/a_2.png")), members.get(3));
        assertArrayEquals(Files.readAllBytes(files.resolve("cats/b.v2_1.png")), members.get(4));
        assertArrayEquals(Files.readAllBytes(files.resolve("top_2.png")), members.get(1));
    }

    @Test
    void aShardSizeThatIsNotASizeIsAUsageError(@TempDir Path root) {
        Path in = folder(root);
        CliRun r = CliRun.of("augment", in.toString(), root.resolve("o").toString(), "--shard-size", "12XB");
        assertEquals(ExitStatus.USAGE, r.status());
        assertTrue(r.err().contains("--shard-size") && r.err().contains("12XB"), r.err());
        CliRun small = CliRun.of("augment", in.toString(), root.resolve("o").toString(), "--shard-size", "100");
        assertEquals(ExitStatus.USAGE, small.status());
        assertTrue(small.err().contains("--shard-size must be >= 1024"), small.err());
    }

    @Test
    void sizesCountInThousandsOrInPowersOfTwo() {
        assertEquals(256_000_000L, ByteSize.parse("256MB"));
        assertEquals(1L << 30, ByteSize.parse("1GiB"));
        assertEquals(1_000_000_000L, ByteSize.parse("1gb"));
        assertEquals(4096, ByteSize.parse("4 KiB"));
        assertEquals(12, ByteSize.parse("12"));
        assertEquals(12, ByteSize.parse("12B"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("12XB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("-1MB"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("9999999999TB"));
    }
}
