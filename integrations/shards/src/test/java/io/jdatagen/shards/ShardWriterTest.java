package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deterministic WebDataset shards: same bytes every run, split by size, read back by {@link TarShards}. */
class ShardWriterTest {
    @TempDir
    Path root;

    private List<Path> write(Path folder, long target) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        try (ShardWriter writer = new ShardWriter(folder, target)) {
            for (int i = 0; i < 12; i++) {
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put("png", ShardFixture.image(random, 20 + i, 10, false));
                members.put("json", ("{\"label\": \"c" + i % 2 + "\"}").getBytes(StandardCharsets.UTF_8));
                writer.write("train/c" + i % 2 + "/img" + i + "_1", members);
            }
            return writer.shards();
        }
    }

    @Test
    void twoRunsWriteTheSameBytesInShardsOfAtMostTheTargetSize() throws IOException {
        List<Path> first = write(root.resolve("a"), 8 * 1024);
        List<Path> second = write(root.resolve("b"), 8 * 1024);
        assertTrue(first.size() > 1, "split into several shards: " + first);
        assertEquals(first.size(), second.size());
        for (int s = 0; s < first.size(); s++) {
            assertEquals(String.format("shard-%06d.tar", s), first.get(s).getFileName().toString());
            assertArrayEquals(Files.readAllBytes(first.get(s)), Files.readAllBytes(second.get(s)), "shard " + s);
            assertTrue(Files.size(first.get(s)) <= 8 * 1024, "within the target: " + Files.size(first.get(s)));
        }
        try (InputStream in = Files.newInputStream(first.get(0)); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e = tar.getNextEntry();
            assertEquals("train/c0/img0_1.png", e.getName());
            assertEquals(0, e.getLastModifiedDate().getTime());
            assertEquals(0, e.getLongUserId());
            assertEquals("", e.getUserName());
            assertEquals(0100644, e.getMode());
        }
    }

    @Test
    void theShardsReadBackAsSamplesWithTheirJsonLabels() throws IOException {
        List<Path> shards = write(root.resolve("c"), 8 * 1024);
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ShardSource source = TarShards.of(shards.stream().map(Path::toString).toList()).list();
        for (int s = 0; s < shards.size(); s++) {
            for (ShardSource.Member m : source.samples(s)) {
                names.add(m.name().substring(m.name().indexOf('/') + 1));
                labels.add(m.label());
            }
        }
        assertEquals(12, names.size());
        assertEquals("train/c1/img11_1.png", names.get(11));
        assertEquals(List.of("c0", "c1"), labels.subList(0, 2));
    }

    @Test
    void aKeyWithADotInItsLastSegmentIsRefused() throws IOException {
        try (ShardWriter writer = new ShardWriter(root.resolve("d"), 4096)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.write("a/x.y", Map.of("png", new byte[1])));
            assertTrue(e.getMessage().contains("a/x.y"), e.getMessage());
        }
    }
}
