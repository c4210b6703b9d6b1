package io.jdatagen.flow;

import io.jdatagen.io.ByteImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk part of the sample cache: a file of self-describing records appended by positional
 * writes and read back by positional reads (no lock held while reading or writing; offsets are
 * reserved atomically, so concurrent threads of one process may append and read at once).
 *
 * <p>Layout: the magic {@code JDGCACHE}, the format {@link #VERSION}, the length and UTF-8 bytes of the
 * reading-options key and a CRC32C of both; then records, each {@code RECORD_MAGIC}, the length of its
 * header body, the body (the source files' paths, sizes and modification times; each image's height,
 * width and channels; the pixel byte count and their CRC32C), a CRC32C of the body, and the pixels.
 * On open, records are scanned until the first one that is damaged or runs past the end of the file
 * (a truncated file); the file is cut there and later appends continue from it. A record's pixels
 * are checked against their CRC32C on every read and never served when it differs.
 */
final class SpillFile implements AutoCloseable {
    /** The format version; a file of another version is rebuilt. */
    static final int VERSION = 1;
    private static final byte[] MAGIC = "JDGCACHE".getBytes(StandardCharsets.US_ASCII);
    private static final int RECORD_MAGIC = 0x4A444752;
    private static final int MAX_HEADER = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);

    private final Path path;
    private final boolean temporary;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicLong end;
    private final Map<List<String>, Location> found;

    /** Where one record's images lie in the file, and what they were made from. */
    record Location(List<FileIdentity> sources, int[][] shapes, long offset, long length, int crc) {
    }

    private SpillFile(Path path, boolean temporary, FileChannel channel, FileLock lock, long end,
            Map<List<String>, Location> found) {
        this.path = path;
        this.temporary = temporary;
        this.channel = channel;
        this.lock = lock;
        this.end = new AtomicLong(end);
        this.found = found;
    }

    /**
     * Opens {@code file} (creating it, or rebuilding it when it holds a cache of another version or
     * other options), or a new temporary file when {@code file} is null.
     *
     * @throws IllegalArgumentException if {@code file} exists and is not a jdatagen cache file, or is
     *     open in another flow of this or another process
     * @throws UncheckedIOException if it cannot be created, read or written
     */
    static SpillFile open(Path file, String optionsKey) {
        boolean temporary = file == null;
        FileChannel channel = null;
        Path p = file;
        try {
            if (temporary) {
                p = Files.createTempFile("jdatagen-cache-", ".bin");
                p.toFile().deleteOnExit();
            }
            channel = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalArgumentException("cache file " + p + " is open in another flow (of this or"
                        + " another process); give each flow its own file");
            }
            byte[] header = header(optionsKey);
            Map<List<String>, Location> found = new LinkedHashMap<>();
            long end = header.length;
            String problem = headerProblem(channel, header, p);
            if (problem == null) {
                end = scan(channel, header.length, found);
                if (end < channel.size()) {
                    LOG.warn("Cache file {}: {} damaged or truncated byte(s) at its end are dropped", p,
                            channel.size() - end);
                    channel.truncate(end);
                }
            } else {
                if (channel.size() > 0) {
                    LOG.warn("Cache file {} is rebuilt: {}", p, problem);
                }
                channel.truncate(0);
                write(channel, ByteBuffer.wrap(header), 0);
            }
            if (!found.isEmpty()) {
                LOG.info("Cache file {}: {} cached sample(s) found", p, found.size());
            }
            return new SpillFile(p, temporary, channel, lock, end, found);
        } catch (IOException e) {
            discard(channel, temporary ? p : null);
            throw new UncheckedIOException("cannot open the cache file " + p, e);
        } catch (RuntimeException e) {
            discard(channel, temporary ? p : null);
            throw e;
        }
    }

    /** {@return the records found in the file when it was opened, by their source paths} */
    Map<List<String>, Location> found() {
        return found;
    }

    /** {@return the file} */
    Path path() {
        return path;
    }

    /** {@return the bytes written so far, header included} */
    long size() {
        return end.get();
    }

    /** Why the file's header does not match {@code expected}, or null when it does. */
    private static String headerProblem(FileChannel channel, byte[] expected, Path p) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return "it is empty";
        }
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, expected.length));
        read(channel, head, 0);
        byte[] got = head.array();
        int magic = Math.min(got.length, MAGIC.length);
        if (!Arrays.equals(got, 0, magic, MAGIC, 0, magic)) {
            throw new IllegalArgumentException("cache file " + p + " exists and is not a jdatagen cache file;"
                    + " it is left as it is (delete it or name another file)");
        }
        if (got.length < MAGIC.length + 4) {
            return "its header is truncated";
        }
        int version = ByteBuffer.wrap(got, MAGIC.length, 4).getInt();
        if (version != VERSION) {
            return "it is of format version " + version + ", this jdatagen writes " + VERSION;
        }
        if (!Arrays.equals(got, expected)) {
            return "it was written with other reading options or its header is damaged (expected "
                    + new String(expected, MAGIC.length + 8, expected.length - MAGIC.length - 12,
                            StandardCharsets.UTF_8) + ")";
        }
        return null;
    }

    private static byte[] header(String optionsKey) {
        byte[] key = optionsKey.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 12 + key.length);
        b.put(MAGIC).putInt(VERSION).putInt(key.length).put(key);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), MAGIC.length, 8 + key.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Reads records from {@code pos} into {@code found}; returns where the last whole record ends. */
    private static long scan(FileChannel channel, long pos, Map<List<String>, Location> found) throws IOException {
        long size = channel.size();
        ByteBuffer prefix = ByteBuffer.allocate(8);
        while (pos + 8 <= size) {
            prefix.clear();
            read(channel, prefix, pos);
            prefix.flip();
            int headerLength = prefix.getInt(4);
            if (prefix.getInt(0) != RECORD_MAGIC || headerLength < 0 || headerLength > MAX_HEADER
                    || pos + 12 + headerLength > size) {
                return pos;
            }
            ByteBuffer body = ByteBuffer.allocate(headerLength + 4);
            read(channel, body, pos + 8);
            CRC32C crc = new CRC32C();
            crc.update(body.array(), 0, headerLength);
            if ((int) crc.getValue() != body.getInt(headerLength)) {
                return pos;
            }
            long pixels = pos + 12 + headerLength;
            Location location;
            try {
                location = parse(body, pixels);
            } catch (RuntimeException e) {
                return pos;
            }
            if (location.length() > size - pixels) {
                return pos;
            }
            found.put(location.sources().stream().map(FileIdentity::path).toList(), location);
            pos = pixels + location.length();
        }
        return pos;
    }

    private static Location parse(ByteBuffer body, long offset) {
        body.rewind();
        int files = body.getInt();
        List<FileIdentity> sources = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            byte[] name = new byte[body.getInt()];
            body.get(name);
            sources.add(new FileIdentity(new String(name, StandardCharsets.UTF_8), body.getLong(), body.getLong()));
        }
        int images = body.getInt();
        int[][] shapes = new int[images][];
        long length = 0;
        for (int i = 0; i < images; i++) {
            shapes[i] = new int[] {body.getInt(), body.getInt(), body.getInt()};
            if (shapes[i][0] < 1 || shapes[i][1] < 1 || shapes[i][2] < 1 || shapes[i][2] > 4) {
                throw new IllegalArgumentException("bad shape");
            }
            length += (long) shapes[i][0] * shapes[i][1] * shapes[i][2];
        }
        long stored = body.getLong();
        if (stored != length) {
            throw new IllegalArgumentException("bad length");
        }
        return new Location(List.copyOf(sources), shapes, offset, length, body.getInt());
    }

    /**
     * Appends one record of {@code images} made from {@code sources}.
     *
     * @return where it was written
     * @throws UncheckedIOException if it cannot be written
     */
    Location append(List<FileIdentity> sources, List<ByteImage> images) {
        CRC32C pixelCrc = new CRC32C();
        int[][] shapes = new int[images.size()][];
        long length = 0;
        for (int i = 0; i < shapes.length; i++) {
            ByteImage image = images.get(i);
            shapes[i] = new int[] {image.height(), image.width(), image.channels()};
            pixelCrc.update(image.data());
            length += image.data().length;
        }
        List<byte[]> names = sources.stream().map(s -> s.path().getBytes(StandardCharsets.UTF_8)).toList();
        int headerLength = 4 + names.stream().mapToInt(n -> 4 + n.length + 16).sum() + 4 + 12 * shapes.length + 12;
        ByteBuffer head = ByteBuffer.allocate(8 + headerLength + 4);
        head.putInt(RECORD_MAGIC).putInt(headerLength).putInt(sources.size());
        for (int i = 0; i < names.size(); i++) {
            head.putInt(names.get(i).length).put(names.get(i)).putLong(sources.get(i).size())
                    .putLong(sources.get(i).modifiedNanos());
        }
        head.putInt(shapes.length);
        for (int[] s : shapes) {
            head.putInt(s[0]).putInt(s[1]).putInt(s[2]);
        }
        int crc = (int) pixelCrc.getValue();
        head.putLong(length).putInt(crc);
        CRC32C headCrc = new CRC32C();
        headCrc.update(head.array(), 8, headerLength);
        head.putInt((int) headCrc.getValue());
        head.flip();
        long start = end.getAndAdd(head.remaining() + length);
        try {
            write(channel, head, start);
            long at = start + head.capacity();
            for (ByteImage image : images) {
                write(channel, ByteBuffer.wrap(image.data()), at);
                at += image.data().length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the cache file " + path, e);
        }
        return new Location(List.copyOf(sources), shapes, start + head.capacity(), length, crc);
    }

    /**
     * {@return the images of {@code location}, or null when the bytes read are not those written (a
     * file damaged or cut since): such an entry counts as missing}
     */
    List<ByteImage> read(Location location) {
        List<ByteImage> images = new ArrayList<>(location.shapes().length);
        CRC32C crc = new CRC32C();
        long at = location.offset();
        try {
            for (int[] s : location.shapes()) {
                byte[] data = new byte[s[0] * s[1] * s[2]];
                ByteBuffer b = ByteBuffer.wrap(data);
                if (!read(channel, b, at)) {
                    return null;
                }
                crc.update(data);
                images.add(new ByteImage(data, s[0], s[1], s[2]));
                at += data.length;
            }
        } catch (IOException e) {
            LOG.warn("Cache file {}: cannot read an entry of {} ({}); it is decoded again", path,
                    location.sources().get(0).path(), e.toString());
            return null;
        }
        return (int) crc.getValue() == location.crc() ? images : null;
    }

    /** Fills {@code b} from {@code pos}; false when the file ends first. */
    private static boolean read(FileChannel channel, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = channel.read(b, pos);
            if (n < 0) {
                return false;
            }
            pos += n;
        }
        return true;
    }

    private static void write(FileChannel channel, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    /** Releases the file; a temporary one is deleted. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            if (temporary) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the cache file " + path, e);
        }
    }

    /** Closes a file that failed to open, deleting it when it is {@code temporary} (else null). */
    private static void discard(FileChannel channel, Path temporary) {
        try {
            if (channel != null) {
                channel.close();
            }
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.debug("cleaning up a cache file that failed to open", e);
        }
    }
}
