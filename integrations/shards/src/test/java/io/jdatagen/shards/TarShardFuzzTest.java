package io.jdatagen.shards;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.flow.ShardSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the WebDataset tar reader: any bytes, as one shard, are either listed (labels from {@code .cls},
 * {@code .txt} or {@code .json} members) and then read through, one image per listed sample, or fail with
 * an {@code UncheckedIOException} or {@code IllegalArgumentException} naming the shard, or an
 * {@code IOException} while read; as a local file, read at the images' places, they give the stream's
 * bytes or fail naming the shard (an {@code IOException}, {@code IllegalStateException} or
 * {@code IllegalArgumentException}). And the shard index parser: any bytes are either an index within its
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
            requireNamed(e, SHARD);
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

    /**
     * Any bytes, as a local shard file that lists: read at the images' places, each sample's bytes are those
     * read front to back, or opening fails naming the shard (never other bytes than the stream's).
     */
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void readLocalShardInAnyOrder(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-shard-", ".tar");
        try {
            Files.write(file, bytes);
            String location = file.toString();
            ShardSource source;
            try {
                source = TarShards.of(location).list();
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return;
            }
            List<byte[]> inOrder = new ArrayList<>();
            try (ShardSource.Reader reader = source.open(0)) {
                byte[] image;
                while ((image = reader.next()) != null) {
                    inOrder.add(image);
                }
            } catch (IOException | IllegalStateException e) {
                return;
            }
            ShardSource.SampleReader placed;
            try {
                placed = source.openSamples(0);
            } catch (IOException | IllegalStateException | IllegalArgumentException e) {
                // A shard whose headers Commons Compress's TarFile reads otherwise than its stream reader (a
                // damaged tar) fails here, naming the shard: a sample or label other than listed.
                requireNamed(e, location);
                return;
            }
            try (placed) {
                for (int i = 0; i < inOrder.size(); i++) {
                    if (!Arrays.equals(inOrder.get(i), placed.read(i))) {
                        throw new AssertionError("sample " + i + " read at its place differs from the stream's");
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Fails unless {@code e}'s message names {@code shard}. */
    private static void requireNamed(Exception e, String shard) {
        if (e.getMessage() == null || !e.getMessage().contains(shard)) {
            throw new AssertionError("the error does not name the shard: " + e.getMessage(), e);
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
