package io.jdatagen.timeseries;

import io.jdatagen.core.Tensor;

/**
 * What one batch of windows can hold: its inputs and its targets are each one Java
 * {@code float[]} of at most {@link Tensor#MAX_ELEMENTS} values. Checked when a dataset or generator
 * is built, so that a batch that cannot exist is refused naming the arguments.
 */
final class WindowLimit {

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
        if (perRow > Tensor.MAX_ELEMENTS) {
            throw new IllegalArgumentException("`" + lengthName + "`: one window of " + steps + " steps of " + stepSize
                    + " values has " + window + " values, more than one Java array holds (" + Tensor.MAX_ELEMENTS
                    + "); `" + lengthName + "` must be at most " + Tensor.MAX_ELEMENTS / Math.max(1, stepSize));
        }
        long values = Math.multiplyExact(rows, perRow);
        if (values > Tensor.MAX_ELEMENTS) {
            throw new IllegalArgumentException("`" + batchName + "`=" + batchSize + " makes batches of " + rows
                    + " windows x " + perRow + " values = " + values + " values, more than one Java array holds ("
                    + Tensor.MAX_ELEMENTS + "); `" + batchName + "` must be in [1, " + Tensor.MAX_ELEMENTS / Math.max(1, perRow)
                    + "] for windows of " + steps + " steps of " + stepSize + " values");
        }
    }
}
