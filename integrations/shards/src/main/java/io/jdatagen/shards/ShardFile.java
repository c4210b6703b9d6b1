package io.jdatagen.shards;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * One WebDataset tar shard written to a stream, the same bytes for the same samples in the same order:
 * every member's header has modification time 0 (1970-01-01), owner and group 0 with empty names and
 * mode {@code 0644}, and long names use POSIX (PAX) headers holding only the path (no timestamps); records
 * are one 512-byte block, so the stream ends at the tar end marker. A sample's members are written in the
 * order given, so that they stay together as WebDataset groups them. {@link ShardWriter} writes a folder of
 * these; a Spark job writes each to its file system's stream.
 */
public final class ShardFile implements AutoCloseable {
    private static final FileTime EPOCH = FileTime.fromMillis(0);
    private final TarArchiveOutputStream tar;
    private boolean closed;

    /** Writes a shard to {@code out}, which {@link #close} closes. */
    public ShardFile(OutputStream out) {
        tar = open(out);
    }

    private static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream t = new TarArchiveOutputStream(out, 512);
        t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return t;
    }

    /**
     * Writes one sample: member {@code key + "." + suffix} for each entry of {@code members}, in the map's
     * iteration order (use an ordered map).
     *
     * @param key the sample's key: no dot in its last path segment, as WebDataset requires
     * @throws IllegalArgumentException for a key WebDataset would not group
     * @throws IOException if the stream cannot be written
     */
    public void write(String key, Map<String, byte[]> members) throws IOException {
        if (closed) {
            throw new IllegalStateException("the shard is closed");
        }
        checkKey(key);
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
            tar.putArchiveEntry(entry(key + "." + m.getKey(), m.getValue().length));
            tar.write(m.getValue());
            tar.closeArchiveEntry();
        }
    }

    /** {@return the bytes written so far: the samples' headers and padded contents, without the end marker} */
    public long bytesWritten() {
        return tar.getBytesWritten();
    }

    /**
     * {@return the bytes a sample takes in a shard (its members' headers, PAX headers for long names
     * included, and their contents padded to 512-byte blocks): what {@link #bytesWritten} grows by}
     *
     * @throws IllegalArgumentException for a key WebDataset would not group
     */
    public static long sampleBytes(String key, Map<String, byte[]> members) {
        checkKey(key);
        long size = 0;
        // Each member's header measured with contents of length 0: a byte[] is under 8 GiB, so its real
        // size never needs a PAX size record, and the header takes the same bytes.
        try (TarArchiveOutputStream headers = open(OutputStream.nullOutputStream())) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                long before = headers.getBytesWritten();
                headers.putArchiveEntry(entry(key + "." + m.getKey(), 0));
                headers.closeArchiveEntry();
                size += headers.getBytesWritten() - before + (m.getValue().length + 511L) / 512 * 512;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sizing tar headers in memory failed", e);
        }
        return size;
    }

    private static void checkKey(String key) {
        if (MemberGroups.keyOf(key + ".x") == null || !MemberGroups.keyOf(key + ".x").equals(key)) {
            throw new IllegalArgumentException("key must be non-empty with no dot in its last path segment, so that"
                    + " WebDataset groups its members; got: " + key);
        }
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0100644);
        entry.setLastModifiedTime(EPOCH);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    /** Writes the tar end marker and closes the stream. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            tar.close();
        }
    }
}
