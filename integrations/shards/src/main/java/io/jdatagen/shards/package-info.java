/**
 * WebDataset tar shards as a jdatagen source. Entry point: {@link io.jdatagen.shards.TarShards}, which
 * lists local or HTTP(S) shards and makes a {@link io.jdatagen.flow.StreamFlow} over them.
 *
 * @see <a href="https://github.com/webdataset/webdataset">WebDataset</a>
 */
package io.jdatagen.shards;
