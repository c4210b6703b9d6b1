package io.jdatagen.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One rank's reading of one epoch of a stream flow, handing each batch the encoded images of its emission
 * positions. A source that {@linkplain ShardSource#readsInAnyOrder reads in any order} gives each sample
 * when its batch asks for it: nothing is kept, and a shard's reader is closed once the pass has taken all
 * its samples (or when the cursor closes), after the reads in progress end. Otherwise the cursor makes a
 * single pass through its shards in read order (reopening a shard only when a batch asks for a sample the
 * pass has gone by), and a sample read is kept until its batch takes it only when that batch is still to
 * come: no earlier than the lowest batch asked for (so a run resumed at batch {@code b} keeps nothing of
 * batches before {@code b}) and not yet taken. The kept samples are those a shuffle buffer would hold,
 * plus the batches computed ahead. Batches may be asked for from several threads and in any order; reading
 * front to back is serialised, reading in any order is not, and decoding is left to the callers.
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
    /** Each of the rank's shards' reader in any order, while open; null otherwise. */
    private final ShardSource.SampleReader[] open;
    /** Each open shard's samples the pass has not taken yet. */
    private final int[] untaken;
    /** Readers done with, closed once no fetch reads any more. */
    private final List<ShardSource.SampleReader> retired = new ArrayList<>();
    /** Batches fetched from readers in any order whose reads may not have ended. */
    private int batchesReading;

    StreamCursor(ShardSource source, StreamOrder order, int batchSize) {
        this.source = source;
        this.order = order;
        this.batchSize = batchSize;
        this.open = new ShardSource.SampleReader[order.shards.length];
        this.untaken = new int[order.shards.length];
    }

    /**
     * {@return the encoded images of emission positions {@code [from, to)}, which make batch {@code batch}:
     * read already, or each when asked for (so that its bytes are fresh in the cache for its decode); the
     * caller closes it}
     *
     * @throws UncheckedIOException if a shard cannot be read
     * @throws IllegalStateException if a shard holds fewer samples than its source listed
     */
    Fetched fetch(int batch, int from, int to) {
        if (!source.readsInAnyOrder()) {
            byte[][] read = fetchInOrder(batch, from, to);
            return new Fetched() {
                @Override
                public byte[] image(int j) {
                    return read[j];
                }

                @Override
                public void close() {
                }
            };
        }
        return fetchEach(from, to);
    }

    /** A batch's encoded images. */
    interface Fetched extends AutoCloseable {
        /**
         * {@return the encoded image of the batch's sample {@code j}}
         *
         * @throws UncheckedIOException if its shard cannot be read
         */
        byte[] image(int j);

        /** Lets the cursor close the shards read, once no batch reads from them. */
        @Override
        void close();
    }

    /** Finds each position's sample and its shard's reader; the reads happen outside the lock. */
    private Fetched fetchEach(int from, int to) {
        ShardSource.SampleReader[] readers = new ShardSource.SampleReader[to - from];
        int[] shardOf = new int[to - from];
        int[] sampleOf = new int[to - from];
        synchronized (this) {
            for (int p = from; p < to; p++) {
                int q = order.readPosition[order.at(p)];
                int s = order.shardOf(q);
                if (open[s] == null) {
                    open[s] = openSamples(s);
                    untaken[s] = order.shardStarts[s + 1] - order.shardStarts[s];
                }
                readers[p - from] = open[s];
                shardOf[p - from] = s;
                sampleOf[p - from] = q - order.shardStarts[s];
                if (--untaken[s] == 0) {
                    retired.add(open[s]);
                    open[s] = null;
                }
            }
            batchesReading++;
        }
        return new Fetched() {
            private boolean closed;

            @Override
            public byte[] image(int j) {
                try {
                    return readers[j].read(sampleOf[j]);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read shard " + source.shards().get(
                            order.shards[shardOf[j]]), e);
                }
            }

            @Override
            public void close() {
                synchronized (StreamCursor.this) {
                    if (!closed) {
                        closed = true;
                        if (--batchesReading == 0) {
                            closeRetired();
                        }
                    }
                }
            }
        };
    }

    private ShardSource.SampleReader openSamples(int s) {
        try {
            return source.openSamples(order.shards[s]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open shard " + source.shards().get(order.shards[s]), e);
        }
    }

    private synchronized byte[][] fetchInOrder(int batch, int from, int to) {
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

    /** Closes the readers done with, once no fetch reads from them. */
    private void closeRetired() {
        IOException failed = null;
        for (ShardSource.SampleReader r : retired) {
            try {
                r.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        retired.clear();
        if (failed != null) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Closes the open shards (those being read once their reads end) and drops the kept images; a later
     * fetch reads the rank's shards from the start.
     */
    @Override
    public synchronized void close() {
        cursor = 0;
        for (int s = 0; s < open.length; s++) {
            if (open[s] != null) {
                retired.add(open[s]);
                open[s] = null;
            }
        }
        try {
            closeReader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            kept.clear();
            if (batchesReading == 0) {
                closeRetired();
            }
        }
    }
}
