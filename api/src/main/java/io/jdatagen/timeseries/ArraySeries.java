package io.jdatagen.timeseries;

/** The shared part of the array-backed series: length, step shape and step size. */
abstract class ArraySeries implements SeriesData {
    final int length;
    final int stepSize;
    private final int[] stepShape;

    ArraySeries(int values, int length, int[] stepShape) {
        this.length = length;
        this.stepShape = stepShape;
        this.stepSize = length == 0 ? 1 : values / length;
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
}
