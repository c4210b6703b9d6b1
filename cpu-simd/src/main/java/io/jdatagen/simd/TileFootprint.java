package io.jdatagen.simd;

/**
 * The source pixels an output tile of an affine warp reads, row by row. The tile's lanes map into
 * a parallelogram of source coordinates; source row {@code a} is read only by lanes whose clamped
 * row coordinate lies in {@code [a - 1, a + 1)} (as the top or the bottom tap of either
 * interpolation), so its columns are those of the parallelogram's slice between those rows (to the
 * image's edge for the first and last rows, which clamping extends), clamped, and widened for the
 * float rounding of the lanes' coordinates. A rotated tile reads far less than its bounding box: at
 * 15°, a 64 × 512 tile's box holds 3× the pixels its lanes can reach.
 */
final class TileFootprint {
    /** Rows and columns added each way for the float rounding of the lanes' coordinates. */
    private static final int MARGIN = 1;

    private final int height;
    private final int width;
    /** The tile's corners in source coordinates, in order around the parallelogram. */
    private final double[] cornerRow = new double[4];
    private final double[] cornerCol = new double[4];
    /** The columns of the parallelogram's slice {@link #columns} is measuring. */
    private double sliceMin;
    private double sliceMax;
    /** Row {@code a}'s span after {@link #columns}. */
    private int first;
    private int last;

    /** A footprint in a source of {@code height} × {@code width} pixels. */
    TileFootprint(int height, int width) {
        this.height = height;
        this.width = width;
    }

    /** Sets corner {@code k} (0-3, in order around the tile) to source coordinates ({@code row}, {@code col}). */
    void corner(int k, double row, double col) {
        cornerRow[k] = row;
        cornerCol[k] = col;
    }

    /** The first source row any lane reads (as a top or bottom tap), clamped into the source. */
    int firstRow() {
        return from(min(cornerRow), height);
    }

    /** The last source row any lane reads, clamped into the source. */
    int lastRow() {
        return to(max(cornerRow), height);
    }

    /** The first source column any lane reads, clamped into the source. */
    int firstCol() {
        return from(min(cornerCol), width);
    }

    /** The last source column any lane reads (its pair holds the next one), clamped into the source. */
    int lastCol() {
        return to(max(cornerCol), width);
    }

    /**
     * Computes the columns of source row {@code a} the lanes read, {@link #first()} to {@link #last()};
     * false when none does.
     */
    boolean columns(int a) {
        double low = a - 1 - MARGIN <= 0 ? Double.NEGATIVE_INFINITY : a - 1 - MARGIN;
        double high = a + 1 + MARGIN >= height - 1 ? Double.POSITIVE_INFINITY : a + 1 + MARGIN;
        sliceMin = Double.POSITIVE_INFINITY;
        sliceMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            if (cornerRow[k] >= low && cornerRow[k] <= high) {
                include(cornerCol[k]);
            }
            crossing(k, low);
            crossing(k, high);
        }
        if (sliceMin > sliceMax) {
            return false;
        }
        first = from(sliceMin, width);
        last = to(sliceMax, width);
        return true;
    }

    /** Includes the column where the edge from corner {@code k} to the next crosses row {@code bound}, if it does. */
    private void crossing(int k, double bound) {
        double r0 = cornerRow[k];
        double r1 = cornerRow[(k + 1) & 3];
        if ((r0 - bound) * (r1 - bound) < 0) {
            double c0 = cornerCol[k];
            include(c0 + (bound - r0) / (r1 - r0) * (cornerCol[(k + 1) & 3] - c0));
        }
    }

    private void include(double col) {
        sliceMin = Math.min(sliceMin, col);
        sliceMax = Math.max(sliceMax, col);
    }

    /** The first column of the row last given to {@link #columns}. */
    int first() {
        return first;
    }

    /** The last column of the row last given to {@link #columns}. */
    int last() {
        return last;
    }

    private static double min(double[] v) {
        return Math.min(Math.min(v[0], v[1]), Math.min(v[2], v[3]));
    }

    private static double max(double[] v) {
        return Math.max(Math.max(v[0], v[1]), Math.max(v[2], v[3]));
    }

    /** The first pixel index read for coordinates from {@code min}: its floor less the margin, in {@code [0, size)}. */
    private static int from(double min, int size) {
        return clamp(Math.floor(min) - MARGIN, size - 1);
    }

    /**
     * The last pixel index read for coordinates up to {@code max}: its floor plus the second tap
     * and the margin, in {@code [0, size)}.
     */
    private static int to(double max, int size) {
        return clamp(Math.floor(max) + 1 + MARGIN, size - 1);
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
