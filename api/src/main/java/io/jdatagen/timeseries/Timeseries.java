package io.jdatagen.timeseries;

/** Keras-style entry points for windowing time series. */
public final class Timeseries {
    private Timeseries() {
    }

    /**
     * {@return Keras's {@code timeseries_dataset_from_array} with Keras's argument order; null stands for
     * Keras's None}
     *
     * @param data the series (axis 0 is time)
     * @param targets targets aligned to window starts, or null
     * @param sequenceLength steps per window
     * @param sequenceStride steps between window starts
     * @param samplingRate steps between points inside a window
     * @param batchSize windows per batch, or null for single windows
     * @param shuffle whether to shuffle the window order
     * @param seed shuffle seed, or null
     * @param startIndex first step used, or null
     * @param endIndex end of the steps used (exclusive), or null
     * @throws IllegalArgumentException with Keras's message for an invalid argument
     */
    public static TimeseriesDataset datasetFromArray(SeriesData data, SeriesData targets, int sequenceLength,
            int sequenceStride, int samplingRate, Integer batchSize, boolean shuffle, Long seed, Integer startIndex,
            Integer endIndex) {
        return TimeseriesDataset.builder(data).targets(targets).sequenceLength(sequenceLength)
                .sequenceStride(sequenceStride).samplingRate(samplingRate).batchSize(batchSize).shuffle(shuffle)
                .seed(seed).startIndex(startIndex).endIndex(endIndex).build();
    }

    /**
     * A forecasting dataset: windows of {@code data} as {@link #datasetFromArray}, each with the target
     * {@code horizon} steps after the window's last point, i.e. window {@code data[s], data[s+rate], …,
     * data[e]} predicts {@code targets[e + horizon]}. Windows whose target would fall past the end are left
     * out.
     *
     * @param data the inputs
     * @param targets the series to predict (often {@code data} itself), the same length as {@code data}
     * @param horizon how far ahead of the window end, >= 1
     * @return a builder with data, targets and the window shape set; add batch size, stride, shuffle
     */
    public static TimeseriesDataset.Builder forecast(SeriesData data, SeriesData targets, int sequenceLength,
            int samplingRate, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1; got: " + horizon);
        }
        if (samplingRate < 1) {
            throw new IllegalArgumentException("`sampling_rate` must be higher than 0. Received: sampling_rate="
                    + samplingRate);
        }
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("`sequence_length` must be higher than 0. Received: sequence_length="
                    + sequenceLength);
        }
        if (targets.length() != data.length()) {
            throw new IllegalArgumentException("data and targets must have the same length; got " + data.length()
                    + " and " + targets.length());
        }
        long lead = (long) (sequenceLength - 1) * samplingRate + horizon;
        if (lead >= data.length()) {
            throw new IllegalArgumentException("a window of " + sequenceLength + " steps at rate " + samplingRate
                    + " plus horizon " + horizon + " does not fit in " + data.length() + " steps");
        }
        return TimeseriesDataset.builder(data).targets(targets.shifted(lead)).sequenceLength(sequenceLength)
                .samplingRate(samplingRate);
    }
}
