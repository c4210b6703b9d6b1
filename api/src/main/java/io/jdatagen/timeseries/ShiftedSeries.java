package io.jdatagen.timeseries;

/** A view of a series that starts {@code offset} steps later. */
final class ShiftedSeries implements SeriesData {
    private final SeriesData source;
    private final long offset;

    ShiftedSeries(SeriesData source, long offset) {
        if (offset < 0 || offset > source.length()) {
            throw new IllegalArgumentException("shift must be in [0, " + source.length() + "]; got: " + offset);
        }
        this.source = source;
        this.offset = offset;
    }

    @Override
    public long length() {
        return source.length() - offset;
    }

    @Override
    public int[] stepShape() {
        return source.stepShape();
    }

    @Override
    public int stepSize() {
        return source.stepSize();
    }

    @Override
    public void copySteps(long start, int count, int stride, float[] dst, int dstOffset) {
        source.copySteps(start + offset, count, stride, dst, dstOffset);
    }
}
