package io.jdatagen.shards;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Where each sample's image member lies in a tar shard on a local disk (its first byte and its length),
 * read from the tar's headers with Commons Compress's {@link TarFile}, with the file's size and
 * modification time when they were read. A sample is then one positioned read, from any thread.
 */
final class ImagePlaces {
    /** The largest image member read, as for any array. */
    private static final long MAX_IMAGE = Integer.MAX_VALUE - 8;

    private final long size;
    private final FileTime modified;
    private final long[] offsets;
    private final int[] lengths;

    private ImagePlaces(long size, FileTime modified, long[] offsets, int[] lengths) {
        this.size = size;
        this.modified = modified;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /**
     * Reads the places of the images of {@code file}'s samples (member groups with an image member), in
     * tar order, handing each sample with its index to {@code sample} (which checks it) first.
     *
     * @param attributes the file's size and modification time, read before its headers
     * @param labels the suffixes of the label members to read into each group
     * @throws IllegalStateException naming the shard and member, for an image member stored as a sparse
     *     file or larger than an array holds
     * @throws IOException if the file is not a tar that can be read
     */
    static ImagePlaces read(Path file, BasicFileAttributes attributes, String location, Predicate<String> labels,
            BiConsumer<Integer, MemberGroups.Group> sample) throws IOException {
        long[] offsets = new long[16];
        int[] lengths = new int[16];
        int n = 0;
        try (MemberGroups groups = new MemberGroups(headers(file), labels)) {
            MemberGroups.Group g;
            while ((g = groups.next()) != null) {
                if (g.imageSuffix() == null) {
                    continue;
                }
                sample.accept(n, g);
                TarArchiveEntry image = g.entries().get(g.imageSuffix());
                if (image.isSparse()) {
                    throw new IllegalStateException("tar shard " + location + " stores member " + image.getName()
                            + " as a sparse file, which jdatagen reads only front to back: read it with"
                            + " TarShards.streamed()");
                }
                if (image.getSize() > MAX_IMAGE) {
                    throw new IllegalStateException("tar shard " + location + " holds member " + image.getName()
                            + " of " + image.getSize() + " bytes, more than " + MAX_IMAGE + ", the most an image"
                            + " is read in");
                }
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                    lengths = Arrays.copyOf(lengths, n * 2);
                }
                offsets[n] = image.getDataOffset();
                lengths[n] = (int) image.getSize();
                n++;
            }
        }
        return new ImagePlaces(attributes.size(), attributes.lastModifiedTime(), Arrays.copyOf(offsets, n),
                Arrays.copyOf(lengths, n));
    }

    /** {@return the tar file's headers, a damaged one failing as an {@code IOException}} */
    private static TarFile headers(Path file) throws IOException {
        try {
            return new TarFile(file);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** {@return whether these places were read from the file as {@code now} describes it} */
    boolean matches(BasicFileAttributes now) {
        return size == now.size() && modified.equals(now.lastModifiedTime());
    }

    /** {@return the samples placed} */
    int count() {
        return offsets.length;
    }

    /**
     * {@return the image bytes of sample {@code sample}, read from {@code channel} at its place}
     *
     * @throws EOFException if the file ends before the image does
     */
    byte[] read(FileChannel channel, int sample) throws IOException {
        byte[] out = new byte[lengths[sample]];
        ByteBuffer buffer = ByteBuffer.wrap(out);
        long at = offsets[sample];
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new EOFException("the file ends inside the image of sample " + sample + " (bytes " + at + " to "
                        + (at + out.length) + " when it was listed)");
            }
        }
        return out;
    }
}
