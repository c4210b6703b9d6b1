package io.jdatagen.flow;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Samples stored in shards that are read front to back, such as WebDataset tar shards: what
 * {@link Flows#fromShards} streams. The source knows each shard's samples (their names and labels)
 * before it is read, and opens a shard at its first sample; the flow decides the shard order, the
 * shuffle and which rank reads which shard.
 */
public interface ShardSource {
    /** {@return each shard's name (a path or an address), in the order the source was given} */
    List<String> shards();

    /**
     * {@return the samples of shard {@code shard}, in the order {@link #open} yields them}
     *
     * @param shard the shard's index in {@link #shards()}
     */
    List<Member> samples(int shard);

    /**
     * Opens shard {@code shard} at its first sample.
     *
     * @param shard the shard's index in {@link #shards()}
     * @throws IOException if it cannot be opened
     */
    Reader open(int shard) throws IOException;

    /**
     * {@return whether every shard can be read with {@link #openSamples}: its samples in any order, each
     * when a batch needs it} True where that costs no more than reading the shard front to back (files on a
     * local disk); the flow then keeps no encoded images for later batches and needs no read ahead. False,
     * the default, where only {@link #open} reads the shards.
     */
    default boolean readsInAnyOrder() {
        return false;
    }

    /**
     * Opens shard {@code shard} for reading its samples in any order; only called when
     * {@link #readsInAnyOrder} is true.
     *
     * @param shard the shard's index in {@link #shards()}
     * @throws IOException if it cannot be opened
     * @throws UnsupportedOperationException where {@link #readsInAnyOrder} is false (the default)
     */
    default SampleReader openSamples(int shard) throws IOException {
        throw new UnsupportedOperationException("this source reads its shards front to back only");
    }

    /**
     * One sample of a shard.
     *
     * @param name the sample's name as the flow's {@code filenames()} report it (e.g. the image member's
     *     name in its tar file)
     * @param label the sample's label: a class index written as a whole number, or a class name; null
     *     without one
     */
    record Member(String name, String label) {
    }

    /** A shard being read: its samples' encoded images, one after the other. */
    interface Reader extends Closeable {
        /**
         * {@return the encoded image (the file's bytes) of the next sample, or null after the last}
         *
         * @throws IOException if the shard cannot be read
         */
        byte[] next() throws IOException;
    }

    /** A shard whose samples are read in any order, from several threads at once. */
    interface SampleReader extends Closeable {
        /**
         * {@return the encoded image of the shard's sample {@code sample}, its index in {@link #samples}}
         *
         * @throws IOException if the shard cannot be read
         */
        byte[] read(int sample) throws IOException;
    }
}
