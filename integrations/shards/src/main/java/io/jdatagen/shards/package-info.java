/**
 * WebDataset tar shards as a jdatagen source. Entry point: {@link io.jdatagen.shards.TarShards}, which
 * lists local or HTTP(S) shards (from their {@link io.jdatagen.shards.ShardIndex} when they have one) and
 * makes a {@link io.jdatagen.flow.StreamFlow} over them; {@link io.jdatagen.shards.ShardWriter} writes
 * shards and their index.
 *
 * @see <a href="https://github.com/webdataset/webdataset">WebDataset</a>
 */
package io.jdatagen.shards;
