package io.jdatagen.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * One rank's reading of one epoch of a stream flow: a single pass through its shards in read order
 * (reopening a shard only when a batch asks for a sample the pass has gone by), handing each batch the
 * encoded images of its emission positions. A sample read is kept until its batch takes it only when
 * that batch is still to come: no earlier than the lowest batch asked for (so a run resumed at batch
 * {@code b} keeps nothing of batches before {@code b}) and not yet taken. The kept samples are those a
 * shuffle buffer would hold, plus the batches computed ahead. Batches may be asked for from several
 * threads and in any order; reading is serialised, decoding is left to the callers.
 */
final class StreamCursor implements AutoCloseable {
    private final ShardSource source;
    private final StreamOrder order;
    private final int batchSize;
    private final Map<Integer, byte[]> kept = new HashMap<>();
    private final BitSet taken = new BitSet();
    private int floor = Integer.MAX_VALUE;
    private int current;
    private int cursor;
    private int shard = -1;
    private ShardSource.Reader reader;

    StreamCursor(ShardSource source, StreamOrder order, int batchSize) {
        this.source = source;
        this.order = order;
        this.batchSize = batchSize;
    }

    /**
     * {@return the encoded images of emission positions {@code [from, to)}, which make batch {@code batch}}
     *
     * @throws UncheckedIOException if a shard cannot be read
     * @throws IllegalStateException if a shard holds fewer samples than its source listed
     */
    synchronized byte[][] fetch(int batch, int from, int to) {
        floor = Math.min(floor, batch);
        current = batch;
        byte[][] out = new byte[to - from][];
        try {
            for (int p = from; p < to; p++) {
                byte[] image = kept.remove(p);
                if (image == null) {
                    int q = order.readPosition[order.at(p)];
                    if (q < cursor) {
                        seek(order.shardStarts[order.shardOf(q)]);
                    }
                    while (cursor <= q) {
                        readOne();
                    }
                    image = kept.remove(p);
                }
                out[p - from] = image;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard " + source.shards().get(order.shards[shard]), e);
        }
        taken.set(batch);
        return out;
    }

    /** Moves the pass back to read position {@code q}, the start of one of the rank's shards. */
    private void seek(int q) throws IOException {
        closeReader();
        cursor = q;
    }

    private void readOne() throws IOException {
        if (reader == null) {
            shard = order.shardOf(cursor);
            reader = source.open(order.shards[shard]);
        }
        byte[] image = reader.next();
        int g = order.reads[cursor];
        if (image == null) {
            throw new IllegalStateException("shard " + source.shards().get(order.shards[shard]) + " ended before its"
                    + " sample " + (cursor - order.shardStarts[shard]) + " (the source listed "
                    + (order.shardStarts[shard + 1] - order.shardStarts[shard]) + ")");
        }
        for (long p = order.emitPosition[g]; p < order.target; p += order.emitted.length) {
            if (keeps((int) p)) {
                kept.put((int) p, image);
            }
        }
        cursor++;
        if (cursor == order.shardStarts[shard + 1]) {
            closeReader();
        }
    }

    /** Whether position {@code p}'s batch is the one being fetched, or still to come in this pass. */
    private boolean keeps(int p) {
        int b = p / batchSize;
        return b == current
                || b >= floor && !taken.get(b) && (p < order.emitted.length || b <= current);
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            ShardSource.Reader r = reader;
            reader = null;
            r.close();
        }
    }

    /** {@return the encoded images kept for batches still to come} */
    synchronized int keptSamples() {
        return kept.size();
    }

    /** Closes the open shard and drops the kept images; a later fetch reads the rank's shards from the start. */
    @Override
    public synchronized void close() {
        cursor = 0;
        try {
            closeReader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kept.clear();
    }
}
