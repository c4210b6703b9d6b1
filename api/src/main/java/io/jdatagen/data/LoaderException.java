package io.jdatagen.data;

/**
 * A batch that a {@link Loader} worker failed to compute: names the epoch and batch, and carries
 * the worker's exception (whose message names the file for file sources).
 */
public final class LoaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The epoch of the failed batch. */
    private final int epoch;
    /** The index of the failed batch within its epoch. */
    private final int batchIndex;

    LoaderException(int epoch, int batchIndex, Throwable cause) {
        super("batch " + batchIndex + " of epoch " + epoch + " failed: " + cause, cause);
        this.epoch = epoch;
        this.batchIndex = batchIndex;
    }

    /** {@return the epoch of the failed batch} */
    public int epoch() {
        return epoch;
    }

    /** {@return the index of the failed batch within its epoch} */
    public int batchIndex() {
        return batchIndex;
    }
}
