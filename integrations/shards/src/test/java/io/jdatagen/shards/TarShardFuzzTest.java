package io.jdatagen.shards;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.flow.ShardSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the WebDataset tar reader: any bytes, as one shard, are either listed (labels from {@code .cls},
 * {@code .txt} or {@code .json} members) and then read through, one image per listed sample, or fail with
 * an {@code UncheckedIOException} or {@code IllegalArgumentException} naming the shard, or an
 * {@code IOException} while read. And the shard index parser: any bytes are either an index within its
 * bounds or an {@code IllegalArgumentException} naming the index.
 */
class TarShardFuzzTest {
    private static final String SHARD = "fuzz://shard-000000.tar";

    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void readShard(byte[] bytes) throws IOException {
        ShardSource source;
        try {
            source = TarShards.of(SHARD).opener("fuzz", location -> new ByteArrayInputStream(bytes)).list();
        } catch (UncheckedIOException | IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains(SHARD)) {
                throw new AssertionError("the error does not name the shard: " + e.getMessage(), e);
            }
            return;
        }
        int listed = source.samples(0).size();
        int read = 0;
        try (ShardSource.Reader reader = source.open(0)) {
            while (reader.next() != null) {
                read++;
            }
        }
        if (read != listed) {
            throw new AssertionError("listed " + listed + " samples but read " + read);
        }
    }

    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void readIndex(byte[] bytes) throws IOException {
        String location = "fuzz://shards.json";
        ShardIndex index;
        try {
            index = ShardIndexReader.read(new ByteArrayInputStream(bytes), location);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains(location)) {
                throw new AssertionError("the error does not name the index: " + e.getMessage(), e);
            }
            return;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ShardIndex.Shard s : index.shards()) {
            if (!s.name().matches("[A-Za-z0-9._-]{1,255}") || s.name().equals("..") || !names.add(s.name())
                    || s.bytes() < 0) {
                throw new AssertionError("a shard outside the bounds: " + s.name() + ", " + s.bytes());
            }
            for (ShardIndex.Sample m : s.samples()) {
                if (m.key().length() > ShardIndex.MAX_KEY || !MemberGroups.isImage(m.image())) {
                    throw new AssertionError("a sample outside the bounds: " + m);
                }
            }
        }
    }
}
