package io.jdatagen.timeseries;

/** A series backed by a float array; contiguous windows are copied with one arraycopy. */
final class FloatSeries extends ArraySeries {
    private final float[] values;

    FloatSeries(float[] values, int length, int[] stepShape) {
        super(values.length, length, stepShape);
        this.values = values;
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
