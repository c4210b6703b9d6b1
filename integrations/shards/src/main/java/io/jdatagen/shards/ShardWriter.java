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
 * larger than the target gets a shard of its own). Closing it writes the shards' {@link ShardIndex} beside
 * them ({@value ShardIndex#FILE_NAME}), which lets a flow list the samples without reading the shards.
 */
public final class ShardWriter implements AutoCloseable {
    private final Path folder;
    private final ShardPlan plan;
    private final List<Path> written = new ArrayList<>();
    private final List<ShardIndex.Shard> indexed = new ArrayList<>();
    private List<ShardIndex.Sample> samples = new ArrayList<>();
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
     * @throws IllegalArgumentException for a key WebDataset would not group, or a label member that
     *     {@link TarShards} could not read (see {@link ShardIndex#sample})
     * @throws IOException if the shard cannot be written
     */
    public void write(String key, Map<String, byte[]> members) throws IOException {
        if (closed) {
            throw new IllegalStateException("the shard writer is closed");
        }
        long bytes = ShardFile.sampleBytes(key, members);
        ShardIndex.Sample entry = ShardIndex.sample(key, members);
        int index = plan.add(bytes);
        if (index == written.size()) {
            finishShard();
            Path file = folder.resolve(ShardPlan.name(index));
            shard = new ShardFile(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            written.add(file);
        }
        shard.write(key, members);
        if (entry != null) {
            samples.add(entry);
        }
    }

    /** {@return the shards written so far, in order} */
    public List<Path> shards() {
        return List.copyOf(written);
    }

    /** {@return the index file that {@link #close} writes: {@value ShardIndex#FILE_NAME} in the folder} */
    public Path index() {
        return folder.resolve(ShardIndex.FILE_NAME);
    }

    private void finishShard() throws IOException {
        if (shard != null) {
            ShardFile s = shard;
            shard = null;
            s.close();
            Path file = written.get(written.size() - 1);
            indexed.add(new ShardIndex.Shard(file.getFileName().toString(), Files.size(file), samples));
            samples = new ArrayList<>();
        }
    }

    /** Finishes the last shard, then writes the index of all of them (an index of no shards when none was). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            finishShard();
            Files.write(index(), new ShardIndex(indexed).toJson());
        }
    }
}
