package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard plan and sample sizes that a distributed writer shares with {@link ShardWriter}. */
class ShardPlanTest {
    private static Map<String, byte[]> sample(SplittableRandom random, int size) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        byte[] image = new byte[size];
        random.nextBytes(image);
        members.put("png", image);
        members.put("json", "{\"label\":\"a\"}".getBytes());
        return members;
    }

    @Test
    void sampleBytesIsWhatTheShardGrowsByLongPaxNamesIncluded() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ShardFile shard = new ShardFile(out)) {
            for (int i = 0; i < 30; i++) {
                String key = (i % 3 == 0 ? "long-" + "x".repeat(100 + i) + "/" : "a/") + "s" + i;
                Map<String, byte[]> members = sample(random, random.nextInt(2000));
                long before = shard.bytesWritten();
                shard.write(key, members);
                assertEquals(shard.bytesWritten() - before, ShardFile.sampleBytes(key, members), key);
            }
        }
        assertEquals(0, out.size() % 512);
    }

    @Test
    void shardsWithLongNamesStayWithinTheTarget(@TempDir Path root) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<Path> shards;
        try (ShardWriter writer = new ShardWriter(root, 20_000)) {
            for (int i = 0; i < 60; i++) {
                writer.write((i % 7 == 0 ? "x".repeat(120) + "/" : "dir/") + "s" + i, sample(random, random.nextInt(3000)));
            }
            shards = writer.shards();
        }
        assertTrue(shards.size() > 5, shards.toString());
        for (Path shard : shards) {
            assertTrue(Files.size(shard) <= 20_000, shard + ": " + Files.size(shard));
        }
    }

    @Test
    void shardBytesIsTheSizeOfTheShardFileTheWriterWrites(@TempDir Path root) throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        ShardPlan plan = new ShardPlan(9_000);
        assertEquals(0, plan.shardBytes());
        List<Long> planned = new java.util.ArrayList<>();
        List<Path> shards;
        try (ShardWriter writer = new ShardWriter(root, 9_000)) {
            for (int i = 0; i < 25; i++) {
                String key = (i % 4 == 0 ? "y".repeat(110) + "/" : "d/") + "s" + i;
                Map<String, byte[]> members = sample(random, random.nextInt(2500));
                int shard = plan.add(ShardFile.sampleBytes(key, members));
                if (shard == planned.size()) {
                    planned.add(0L);
                }
                planned.set(shard, plan.shardBytes());
                writer.write(key, members);
            }
            shards = writer.shards();
        }
        assertEquals(planned.size(), shards.size());
        for (int s = 0; s < shards.size(); s++) {
            assertEquals(planned.get(s), Files.size(shards.get(s)), shards.get(s).toString());
        }
    }

    @Test
    void aNewShardStartsBeforeASampleThatWouldPassTheTarget() {
        ShardPlan plan = new ShardPlan(4096);
        assertEquals(0, plan.add(2048));
        assertEquals(0, plan.add(1024));       // 3072 + 1024 end marker = 4096: still fits
        assertEquals(1, plan.add(512));
        assertEquals(2, plan.add(10_000));     // larger than the target: a shard of its own
        assertEquals(3, plan.add(0));
        assertEquals(4, plan.shards());
        assertEquals("shard-000012.tar", ShardPlan.name(12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ShardPlan(1000));
        assertTrue(e.getMessage().contains("targetBytes") && e.getMessage().contains("1000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan.add(-1));
        assertThrows(IllegalArgumentException.class, () -> ShardFile.sampleBytes("a.b", Map.of()));
    }
}
