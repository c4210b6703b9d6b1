package io.jdatagen.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run stands in its batches, small enough to keep in a training checkpoint: the next batch
 * the consumer has not taken ({@code batch} of epoch {@code epoch}) and what fixes the batch order
 * (the seed, the batches per epoch, the batch size, the shard, a {@link Fingerprint} of the rest).
 * Because every batch is a pure function of (seed, epoch, index), a {@link Loader#resume resumed}
 * loader gives exactly the batches the stopped one had still to give, byte for byte.
 *
 * <p>The text form ({@link #toString()}, read back by {@link #parse}) is one line, e.g.
 * {@code jdatagen-position/1 seed=5 epoch=2 batch=1 batches=4 batch-size=3 shard=0/1
 * fingerprint=9f0c...}; the number after the slash is the format version, and a text of another
 * version is refused. {@link #matching} refuses a position taken from another flow, naming the first
 * field that differs. The fingerprint of an image flow covers the flow kind, the sample count, the
 * shuffle flag, a fixed order, the random-stream kind, whether images are augmented, the image
 * shape, the data format, the resize target, the output type and, for file flows, the file names
 * and labels in order. It does not cover the generator's augmentation ranges, the pixels of the
 * arrays, the bytes of files edited in place, or a custom sample or batch function: resume with
 * the flow the position was taken from. A sequence that does not describe its order (the default
 * of {@link Sequence#position}) has seed 0, batch size 0 and fingerprint 0, so only its batches
 * per epoch are checked.
 *
 * @param seed the seed of the flow (0 for a sequence that does not describe its order)
 * @param epoch the epoch of the next batch, at least 0
 * @param batch the index of the next batch in its epoch, in {@code [0, batches)} (0 when there are none)
 * @param batches the batches per epoch, at least 0
 * @param batchSize samples per batch (0 for a sequence that does not describe its order)
 * @param shardIndex this rank, in {@code [0, shardCount)} (0 unsharded)
 * @param shardCount the number of ranks, at least 1 (1 unsharded)
 * @param fingerprint the {@link Fingerprint} of the rest of what fixes the batches
 */
public record Position(long seed, int epoch, int batch, int batches, int batchSize, int shardIndex, int shardCount,
        long fingerprint) {
    /** The version of the text form this class writes and reads. */
    public static final int FORMAT = 1;
    private static final String PREFIX = "jdatagen-position/";

    /**
     * Validates the fields.
     *
     * @param seed the seed of the flow
     * @param epoch the epoch of the next batch
     * @param batch the index of the next batch in its epoch
     * @param batches the batches per epoch
     * @param batchSize samples per batch
     * @param shardIndex this rank
     * @param shardCount the number of ranks
     * @param fingerprint the digest of the rest of what fixes the batches
     * @throws IllegalArgumentException naming the field out of its range
     */
    public Position {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0; got: " + epoch);
        }
        if (batches < 0) {
            throw new IllegalArgumentException("batches must be >= 0; got: " + batches);
        }
        if (batch < 0 || batch >= Math.max(1, batches)) {
            throw new IllegalArgumentException("batch must be in [0, " + Math.max(1, batches) + ") for " + batches
                    + " batches per epoch; got: " + batch);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch-size must be >= 0; got: " + batchSize);
        }
        if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
            throw new IllegalArgumentException("shard must have count >= 1 and index in [0, count); got: "
                    + shardIndex + "/" + shardCount);
        }
    }

    /**
     * {@return the position {@code batch} of epoch {@code epoch} of a sequence of {@code batches}
     * batches per epoch that does not describe its order (seed, batch size and fingerprint 0)}
     *
     * @param epoch the epoch of the next batch
     * @param batch the index of the next batch
     * @param batches the batches per epoch
     */
    public static Position unkeyed(int epoch, int batch, int batches) {
        return new Position(0, epoch, batch, batches, 0, 0, 1, 0);
    }

    /**
     * {@return this position, after checking that it was taken from a sequence like {@code sequence}:
     * same seed, batch size, batches per epoch, shard and fingerprint}
     *
     * @param sequence the sequence to resume
     * @throws IllegalArgumentException naming the first field that differs, with both values
     */
    public Position matching(Sequence<?> sequence) {
        Position here = sequence.position(epoch, batch);
        mismatch("seed", seed, here.seed);
        mismatch("batch-size", batchSize, here.batchSize);
        mismatch("batches", batches, here.batches);
        if (shardIndex != here.shardIndex || shardCount != here.shardCount) {
            throw refused("shard", shardIndex + "/" + shardCount, here.shardIndex + "/" + here.shardCount);
        }
        if (fingerprint != here.fingerprint) {
            throw refused("fingerprint (the flow kind, its samples, files, labels, shuffle, order or output)",
                    hex(fingerprint), hex(here.fingerprint));
        }
        return this;
    }

    private static void mismatch(String field, long saved, long current) {
        if (saved != current) {
            throw refused(field, Long.toString(saved), Long.toString(current));
        }
    }

    private static IllegalArgumentException refused(String field, String saved, String current) {
        return new IllegalArgumentException("the position is for another flow: its " + field + " is " + saved
                + " but the flow's is " + current + "; resume with the flow the position was taken from (same data,"
                + " options, seed, batch size and shard)");
    }

    /**
     * {@return the one-line text form, {@link #parse} reads it back}
     */
    @Override
    public String toString() {
        return PREFIX + FORMAT + " seed=" + seed + " epoch=" + epoch + " batch=" + batch + " batches=" + batches
                + " batch-size=" + batchSize + " shard=" + shardIndex + "/" + shardCount + " fingerprint="
                + hex(fingerprint);
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "%016x", v);
    }

    /**
     * Reads the text form of {@link #toString()}.
     *
     * @param text the text (surrounding white space is ignored)
     * @return the position
     * @throws IllegalArgumentException for another format version, a missing, repeated, unknown or
     *     malformed field, naming it
     */
    public static Position parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split(" +");
        if (!parts[0].startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a jdatagen position (it starts with " + PREFIX + FORMAT + "): "
                    + text);
        }
        String version = parts[0].substring(PREFIX.length());
        if (!version.equals(Integer.toString(FORMAT))) {
            throw new IllegalArgumentException("position format version " + version + " is not supported (this"
                    + " jdatagen reads version " + FORMAT + ")");
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("position field must be name=value; got: " + parts[i]);
            }
            String name = parts[i].substring(0, eq);
            if (fields.put(name, parts[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("position field " + name + " is given twice");
            }
        }
        long seed = number(fields, "seed");
        int epoch = intNumber(fields, "epoch");
        int batch = intNumber(fields, "batch");
        int batches = intNumber(fields, "batches");
        int batchSize = intNumber(fields, "batch-size");
        String shard = field(fields, "shard");
        int slash = shard.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("position field shard must be index/count; got: " + shard);
        }
        int shardIndex = intValue("shard", shard.substring(0, slash));
        int shardCount = intValue("shard", shard.substring(slash + 1));
        String print = field(fields, "fingerprint");
        long fingerprint;
        try {
            if (print.length() != 16) {
                throw new NumberFormatException();
            }
            fingerprint = Long.parseUnsignedLong(print, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position field fingerprint must be 16 hex digits; got: " + print);
        }
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException("unknown position fields: " + fields.keySet());
        }
        return new Position(seed, epoch, batch, batches, batchSize, shardIndex, shardCount, fingerprint);
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.remove(name);
        if (value == null) {
            throw new IllegalArgumentException("position field " + name + " is missing");
        }
        return value;
    }

    private static long number(Map<String, String> fields, String name) {
        String value = field(fields, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position field " + name + " must be a whole number; got: " + value);
        }
    }

    private static int intNumber(Map<String, String> fields, String name) {
        return intValue(name, field(fields, name));
    }

    private static int intValue(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position field " + name + " must be an int; got: " + value);
        }
    }
}
