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
 * {@code IOException} while read.
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
}
