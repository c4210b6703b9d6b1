package io.jdatagen.timeseries;

/**
 * What one batch of windows can hold: its inputs and its targets are each one Java
 * {@code float[]} of at most {@link #MAX_ARRAY_LENGTH} values. Checked when a dataset or generator
 * is built, so that a batch that cannot exist is refused naming the arguments.
 */
final class WindowLimit {
    /** The most elements one Java array holds on common JVMs (HotSpot refuses {@code Integer.MAX_VALUE}). */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private WindowLimit() {
    }

    /**
     * Refuses batches of {@code rows} windows of {@code steps} steps of {@code stepSize} values (and
     * their targets of {@code targetStepSize} values each) larger than one array.
     *
     * @param batchName the name of the batch-size argument, for the message
     * @param lengthName the name of the window-length argument, for the message
     * @param batchSize the batch size as given
     * @param rows the rows a batch really has (at most {@code batchSize})
     * @param targetStepSize values per target, or 0 without targets
     * @throws IllegalArgumentException naming the arguments and the largest batch size that fits
     */
    static void check(String batchName, String lengthName, long batchSize, long rows, long steps, long stepSize,
            long targetStepSize) {
        if (rows < 1) {
            return;
        }
        long window = Math.multiplyExact(steps, stepSize);
        long perRow = Math.max(window, targetStepSize);
        if (perRow > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("`" + lengthName + "`: one window of " + steps + " steps of " + stepSize
                    + " values has " + window + " values, more than one Java array holds (" + MAX_ARRAY_LENGTH
                    + "); `" + lengthName + "` must be at most " + MAX_ARRAY_LENGTH / Math.max(1, stepSize));
        }
        long values = Math.multiplyExact(rows, perRow);
        if (values > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("`" + batchName + "`=" + batchSize + " makes batches of " + rows
                    + " windows x " + perRow + " values = " + values + " values, more than one Java array holds ("
                    + MAX_ARRAY_LENGTH + "); `" + batchName + "` must be in [1, " + MAX_ARRAY_LENGTH / Math.max(1, perRow)
                    + "] for windows of " + steps + " steps of " + stepSize + " values");
        }
    }
}
