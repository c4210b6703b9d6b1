package io.jdatagen.timeseries;

/** A series backed by a float array; contiguous windows are copied with one arraycopy. */
final class FloatSeries implements SeriesData {
    private final float[] values;
    private final int length;
    private final int[] stepShape;
    private final int stepSize;

    FloatSeries(float[] values, int length, int[] stepShape) {
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
        if (stride == 1) {
            System.arraycopy(values, first, dst, offset, count * stepSize);
            return;
        }
        for (int k = 0; k < count; k++) {
            System.arraycopy(values, first + k * stride * stepSize, dst, offset + k * stepSize, stepSize);
        }
    }
}
