package io.jdatagen.timeseries;

import io.jdatagen.core.Tensor;
import java.util.Arrays;

/**
 * A time series to window: axis 0 is time, each step has a fixed shape (empty for a scalar
 * series). Positions are {@code long} so that sources larger than one Java array can implement
 * this later; the built-in ones wrap a {@code float[]}, a {@code double[]} or a {@link Tensor}.
 * Windows are copied straight from the source into the batch, converted to float32.
 */
public interface SeriesData {
    /** {@return the number of time steps} */
    long length();

    /** {@return the shape of one step (empty for a scalar series)} */
    int[] stepShape();

    /** {@return the number of values in one step} */
    default int stepSize() {
        int n = 1;
        for (int d : stepShape()) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /**
     * Copies {@code count} steps starting at {@code start}, {@code stride} steps apart, into {@code dst} from
     * {@code offset}, as float32 (a negative stride walks backwards).
     */
    void copySteps(long start, int count, int stride, float[] dst, int offset);

    /**
     * {@return a view starting {@code offset} steps later (step {@code t} of the view is step {@code t +
     * offset})}
     */
    default SeriesData shifted(long offset) {
        return new ShiftedSeries(this, offset);
    }

    /**
     * {@return a series over a tensor: axis 0 is time, the other axes the step shape}
     */
    static SeriesData of(Tensor tensor) {
        int[] shape = tensor.shape();
        return new FloatSeries(tensor.data(), shape[0], Arrays.copyOfRange(shape, 1, shape.length));
    }

    /**
     * {@return a series over a float array holding {@code values.length / stepSize} steps of the given step
     * shape (none: scalar steps)}
     */
    static SeriesData of(float[] values, int... stepShape) {
        return new FloatSeries(values, steps(values.length, stepShape), stepShape.clone());
    }

    /**
     * {@return a series over a double array; values are converted to float32 as windows are copied}
     */
    static SeriesData of(double[] values, int... stepShape) {
        return new DoubleSeries(values, steps(values.length, stepShape), stepShape.clone());
    }

    private static int steps(int values, int[] stepShape) {
        long size = 1;
        for (int d : stepShape) {
            if (d < 1) {
                throw new IllegalArgumentException("step shape must have dimensions >= 1; got "
                        + Arrays.toString(stepShape));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(values + " values do not divide into steps of shape "
                        + Arrays.toString(stepShape) + " (more than " + Integer.MAX_VALUE + " values per step)");
            }
        }
        if (values % size != 0) {
            throw new IllegalArgumentException(values + " values do not divide into steps of shape "
                    + Arrays.toString(stepShape));
        }
        return (int) (values / size);
    }
}
