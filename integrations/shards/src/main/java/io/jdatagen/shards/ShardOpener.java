package io.jdatagen.shards;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a shard's bytes by its location, for locations that {@link TarShards} does not read itself
 * (see {@link TarShards#opener(String, ShardOpener)}); jdatagen-s3 gives one for {@code s3://}. A
 * {@link ResumingStream} returned already connected (its length known) has that length compared with a
 * shard index's size for the shard; other streams are checked by their samples alone.
 */
@FunctionalInterface
public interface ShardOpener {
    /**
     * {@return the bytes of the shard at {@code location}, from the start; a stream the caller closes,
     * possibly before its end}
     *
     * @throws IOException if the shard cannot be opened
     */
    InputStream open(String location) throws IOException;
}
