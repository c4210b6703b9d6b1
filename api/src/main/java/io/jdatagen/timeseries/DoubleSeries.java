package io.jdatagen.timeseries;

/** A series backed by a double array, converted to float32 while copying. */
final class DoubleSeries implements SeriesData {
    private final double[] values;
    private final int length;
    private final int[] stepShape;
    private final int stepSize;

    DoubleSeries(double[] values, int length, int[] stepShape) {
        this.values = values;
        this.length = length;
        this.stepShape = stepShape;
        this.stepSize = length == 0 ? 1 : values.length / length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int[] stepShape() {
        return stepShape.clone();
    }

    @Override
    public int stepSize() {
        return stepSize;
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
