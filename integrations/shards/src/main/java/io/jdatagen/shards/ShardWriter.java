package io.jdatagen.shards;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes WebDataset tar shards ({@code shard-000000.tar}, {@code shard-000001.tar}, ...) of about a target
 * size, the same bytes for the same samples written in the same order: every member's header has
 * modification time 0 (1970-01-01), owner and group 0 with empty names and mode {@code 0644}, and long
 * names use POSIX (PAX) headers; the file ends at the tar end marker (records of one 512-byte block). A new shard starts before a sample that would take the current one past
 * the target size (a sample larger than the target gets a shard of its own); a sample's members are
 * written in the order given, so they stay together as WebDataset groups them.
 */
public final class ShardWriter implements AutoCloseable {
    private static final FileTime EPOCH = FileTime.fromMillis(0);
    private final Path folder;
    private final long targetBytes;
    private final List<Path> written = new ArrayList<>();
    private TarArchiveOutputStream tar;
    private boolean closed;

    /**
     * @param folder the folder the shards are written to (created if needed; shards of the same names
     *     are replaced)
     * @param targetBytes the size a shard may reach, at least 1,024 (two tar blocks)
     * @throws IOException if the folder cannot be created
     */
    public ShardWriter(Path folder, long targetBytes) throws IOException {
        if (targetBytes < 1024) {
            throw new IllegalArgumentException("targetBytes must be >= 1024 (two tar blocks); got: " + targetBytes);
        }
        this.folder = Files.createDirectories(folder);
        this.targetBytes = targetBytes;
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
        if (MemberGroups.keyOf(key + ".x") == null || !MemberGroups.keyOf(key + ".x").equals(key)) {
            throw new IllegalArgumentException("key must be non-empty with no dot in its last path segment, so that"
                    + " WebDataset groups its members; got: " + key);
        }
        long size = 0;
        for (byte[] bytes : members.values()) {
            size += 512 + (bytes.length + 511L) / 512 * 512;
        }
        if (tar != null && tar.getBytesWritten() + size + 1024 > targetBytes) {
            finishShard();
        }
        if (tar == null) {
            Path shard = folder.resolve(String.format(Locale.ROOT, "shard-%06d.tar", written.size()));
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(shard), 1 << 16);
            tar = new TarArchiveOutputStream(out, 512);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            written.add(shard);
        }
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(key + "." + m.getKey());
            entry.setSize(m.getValue().length);
            entry.setMode(0100644);
            entry.setLastModifiedTime(EPOCH);
            entry.setUserId(0);
            entry.setGroupId(0);
            entry.setUserName("");
            entry.setGroupName("");
            tar.putArchiveEntry(entry);
            tar.write(m.getValue());
            tar.closeArchiveEntry();
        }
    }

    /** {@return the shards written so far, in order} */
    public List<Path> shards() {
        return List.copyOf(written);
    }

    private void finishShard() throws IOException {
        if (tar != null) {
            TarArchiveOutputStream t = tar;
            tar = null;
            t.close();
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
