package io.jdatagen.timeseries;

/**
 * The argument checks of Keras's {@code timeseries_dataset_from_array}, in Keras's order and with
 * its messages. Like Keras, {@code start_index} and {@code end_index} are only checked when
 * non-zero ("truthy"), so {@code end_index=0} yields an empty dataset.
 */
final class TimeseriesValidation {
    private TimeseriesValidation() {
    }

    static void check(TimeseriesDataset.Builder b) {
        if (b.data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        long n = b.data.length();
        Integer start = b.startIndex;
        Integer end = b.endIndex;
        if (start != null && start != 0) {
            if (start < 0) {
                fail("`start_index` must be 0 or greater. Received: start_index=" + start);
            }
            if (start >= n) {
                fail("`start_index` must be lower than the length of the data. Received: start_index=" + start
                        + ", for data of length " + n);
            }
        }
        if (end != null && end != 0) {
            if (start != null && start != 0 && end <= start) {
                fail("`end_index` must be higher than `start_index`. Received: start_index=" + start
                        + ", and end_index=" + end + " ");
            }
            if (end >= n) {
                fail("`end_index` must be lower than the length of the data. Received: end_index=" + end
                        + ", for data of length " + n);
            }
            if (end <= 0) {
                fail("`end_index` must be higher than 0. Received: end_index=" + end);
            }
        }
        if (b.samplingRate <= 0) {
            fail("`sampling_rate` must be higher than 0. Received: sampling_rate=" + b.samplingRate);
        }
        if (b.samplingRate >= n) {
            fail("`sampling_rate` must be lower than the length of the data. Received: sampling_rate="
                    + b.samplingRate + ", for data of length " + n);
        }
        if (b.sequenceStride <= 0) {
            fail("`sequence_stride` must be higher than 0. Received: sequence_stride=" + b.sequenceStride);
        }
        if (b.sequenceStride >= n) {
            fail("`sequence_stride` must be lower than the length of the data. Received: sequence_stride="
                    + b.sequenceStride + ", for data of length " + n);
        }
        if (b.sequenceLength <= 0) {
            fail("`sequence_length` must be higher than 0. Received: sequence_length=" + b.sequenceLength);
        }
        if (b.batchSize != null && b.batchSize <= 0) {
            fail("`batch_size` must be higher than 0 or None (null in Java). Received: batch_size=" + b.batchSize);
        }
        if (b.seed != null && (b.seed < 0 || b.seed > 0xFFFFFFFFL)) {
            fail("`seed` must be between 0 and 2**32 - 1. Received: seed=" + b.seed);
        }
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
