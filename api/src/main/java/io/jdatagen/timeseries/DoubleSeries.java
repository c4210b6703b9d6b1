package io.jdatagen.timeseries;

/** A series backed by a double array, converted to float32 while copying. */
final class DoubleSeries extends ArraySeries {
    private final double[] values;

    DoubleSeries(double[] values, int length, int[] stepShape) {
        super(values.length, length, stepShape);
        this.values = values;
    }

    @Override
    public void copySteps(long start, int count, int stride, float[] dst, int offset) {
        int first = Math.toIntExact(start) * stepSize;
        for (int k = 0; k < count; k++) {
            int from = first + k * stride * stepSize;
            int to = offset + k * stepSize;
            for (int v = 0; v < stepSize; v++) {
                dst[to + v] = (float) values[from + v];
            }
        }
    }
}
