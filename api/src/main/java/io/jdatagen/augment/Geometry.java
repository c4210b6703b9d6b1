package io.jdatagen.augment;

import java.util.Arrays;

/**
 * What a geometric step does to one sample: an affine map between pixel indices and the size of the
 * image it produces. Coordinates are (row, column) pixel indices of the image as stored, row being
 * the outer spatial axis; pixel {@code (r, c)} has its centre at {@code (r, c)}. The map is kept as
 * its inverse {@code {m00, m01, off0, m10, m11, off1}} (output index to input index), the form a
 * {@link io.jdatagen.spi.WarpPlan} takes, so a chain of geometric steps folds into one resampling.
 *
 * <p>A pure flip is kept apart: when only flips follow the other geometric steps, the pipeline hands
 * them to the warp kernel as output flips, which mirror the output index exactly.
 */
public final class Geometry {
    private final double[] inverse;
    private final int height;
    private final int width;
    private final boolean flipRows;
    private final boolean flipCols;

    private Geometry(double[] inverse, int height, int width, boolean flipRows, boolean flipCols) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("a geometric step must produce an image of at least 1x1; got "
                    + height + "x" + width);
        }
        if (inverse != null) {
            for (double v : inverse) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the affine map must be finite; got "
                            + Arrays.toString(inverse));
                }
            }
        }
        this.inverse = inverse;
        this.height = height;
        this.width = width;
        this.flipRows = flipRows;
        this.flipCols = flipCols;
    }

    /**
     * {@return the geometry whose inverse map is {@code inverse}: output pixel {@code (r, c)} reads input
     * position {@code (m00·r + m01·c + off0, m10·r + m11·c + off1)}; null means the identity}
     *
     * @param inverse {@code {m00, m01, off0, m10, m11, off1}}, or null for the identity (copied)
     * @param height rows of the image produced
     * @param width columns of the image produced
     * @throws IllegalArgumentException for a map that is not 6 finite values, or a size below 1
     */
    public static Geometry inverse(double[] inverse, int height, int width) {
        if (inverse != null && inverse.length != 6) {
            throw new IllegalArgumentException("inverse needs 6 values {m00, m01, off0, m10, m11, off1}; got "
                    + inverse.length);
        }
        return new Geometry(inverse == null ? null : inverse.clone(), height, width, false, false);
    }

    /**
     * {@return the geometry that moves input pixel {@code (r, c)} to output position
     * {@code (a00·r + a01·c + t0, a10·r + a11·c + t1)}, inverted in double}
     *
     * @param forward {@code {a00, a01, t0, a10, a11, t1}}: the top two rows of the 3×3 matrix
     * @param height rows of the image produced
     * @param width columns of the image produced
     * @throws IllegalArgumentException for a map that is not 6 finite values or cannot be inverted
     */
    public static Geometry forward(double[] forward, int height, int width) {
        if (forward.length != 6) {
            throw new IllegalArgumentException("forward needs 6 values {a00, a01, t0, a10, a11, t1}; got "
                    + forward.length);
        }
        double det = forward[0] * forward[4] - forward[1] * forward[3];
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("forward must be invertible; got " + Arrays.toString(forward));
        }
        double i00 = forward[4] / det;
        double i01 = -forward[1] / det;
        double i10 = -forward[3] / det;
        double i11 = forward[0] / det;
        return new Geometry(new double[] {i00, i01, -(i00 * forward[2] + i01 * forward[5]), i10, i11,
                -(i10 * forward[2] + i11 * forward[5])}, height, width, false, false);
    }

    /**
     * {@return the mirror of a {@code height × width} image along its rows and/or columns}
     *
     * @param rows whether row {@code r} becomes row {@code height − 1 − r} (Keras's vertical flip)
     * @param cols whether column {@code c} becomes column {@code width − 1 − c} (Keras's horizontal flip)
     * @param height rows of the image
     * @param width columns of the image
     */
    public static Geometry flip(boolean rows, boolean cols, int height, int width) {
        return new Geometry(null, height, width, rows, cols);
    }

    /** {@return rows of the image produced} */
    public int height() {
        return height;
    }

    /** {@return columns of the image produced} */
    public int width() {
        return width;
    }

    /** {@return whether this is a pure flip (possibly of neither axis), kept as output flips when it ends the chain} */
    boolean isFlip() {
        return inverse == null && (flipRows || flipCols);
    }

    boolean flipRows() {
        return flipRows;
    }

    boolean flipCols() {
        return flipCols;
    }

    /** The inverse map, with a flip written as a matrix; null for the identity. */
    double[] inverseMatrix() {
        if (!isFlip()) {
            return inverse;
        }
        return new double[] {flipRows ? -1 : 1, 0, flipRows ? height - 1 : 0, 0, flipCols ? -1 : 1,
                flipCols ? width - 1 : 0};
    }

    /**
     * {@return the forward map {@code {a00, a01, t0, a10, a11, t1}}: input pixel {@code (r, c)} lands at output
     * position {@code (a00·r + a01·c + t0, a10·r + a11·c + t1)}, a flip written as a matrix; the identity's is
     * {@code {1, 0, 0, 0, 1, 0}}} What moves points that sit on the image (box corners, keypoints) with the pixels.
     *
     * @throws IllegalStateException for an inverse map that cannot be inverted
     */
    public double[] forward() {
        double[] m = inverseMatrix();
        if (m == null) {
            return new double[] {1, 0, 0, 0, 1, 0};
        }
        double det = m[0] * m[4] - m[1] * m[3];
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("the inverse map " + Arrays.toString(m) + " cannot be inverted");
        }
        double a00 = m[4] / det;
        double a01 = -m[1] / det;
        double a10 = -m[3] / det;
        double a11 = m[0] / det;
        return new double[] {a00, a01, -(a00 * m[2] + a01 * m[5]), a10, a11, -(a10 * m[2] + a11 * m[5])};
    }

    /**
     * {@code a ∘ b}: map {@code b} (output of the later step to its input), then {@code a} (the earlier
     * step's output to its input); null is the identity and is not multiplied in.
     */
    static double[] compose(double[] a, double[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new double[] {a[0] * b[0] + a[1] * b[3], a[0] * b[1] + a[1] * b[4], a[0] * b[2] + a[1] * b[5] + a[2],
                a[3] * b[0] + a[4] * b[3], a[3] * b[1] + a[4] * b[4], a[3] * b[2] + a[4] * b[5] + a[5]};
    }

    @Override
    public String toString() {
        return "Geometry[" + (isFlip() ? "flip rows=" + flipRows + " cols=" + flipCols
                : inverse == null ? "identity" : "inverse=" + Arrays.toString(inverse)) + ", " + height + "x" + width
                + "]";
    }
}
