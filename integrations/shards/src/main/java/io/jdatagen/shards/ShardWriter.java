package io.jdatagen.shards;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes WebDataset tar shards ({@code shard-000000.tar}, {@code shard-000001.tar}, ...) of about a target
 * size into a folder, the same bytes for the same samples written in the same order: each shard is a
 * {@link ShardFile} (fixed header fields, PAX long names, 512-byte records) and a new one starts where
 * {@link ShardPlan} says (before a sample that would take the current one past the target size; a sample
 * larger than the target gets a shard of its own).
 */
public final class ShardWriter implements AutoCloseable {
    private final Path folder;
    private final ShardPlan plan;
    private final List<Path> written = new ArrayList<>();
    private ShardFile shard;
    private boolean closed;

    /**
     * @param folder the folder the shards are written to (created if needed; shards of the same names
     *     are replaced)
     * @param targetBytes the size a shard may reach, at least 1,024 (two tar blocks)
     * @throws IOException if the folder cannot be created
     */
    public ShardWriter(Path folder, long targetBytes) throws IOException {
        this.plan = new ShardPlan(targetBytes);
        this.folder = Files.createDirectories(folder);
    }

    /**
     * Writes one sample: member {@code key + "." + suffix} for each entry of {@code members}, in the map's
     * iteration order (use an ordered map).
     *
     * @param key the sample's key: no dot in its last path segment, as WebDataset requires
     * @throws IOException if the shard cannot be written
     */
    public void write(String key, Map<String, byte[]> members) throws IOException {
        if (closed) {
            throw new IllegalStateException("the shard writer is closed");
        }
        int index = plan.add(ShardFile.sampleBytes(key, members));
        if (index == written.size()) {
            finishShard();
            Path file = folder.resolve(ShardPlan.name(index));
            shard = new ShardFile(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            written.add(file);
        }
        shard.write(key, members);
    }

    /** {@return the shards written so far, in order} */
    public List<Path> shards() {
        return List.copyOf(written);
    }

    private void finishShard() throws IOException {
        if (shard != null) {
            ShardFile s = shard;
            shard = null;
            s.close();
        }
    }

    /** Finishes the last shard. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            finishShard();
        }
    }
}
