package io.jdatagen.image;

/**
 * Builds the inverse affine that Keras hands to scipy: the product
 * {@code R·S·Sh·Z} of the factors that are present, centred on the image, and expressed in the
 * image's stored spatial axes. All arithmetic is in double, in numpy's order, so that the result
 * equals numpy's bit for bit.
 */
public final class AffineMatrix {
    private AffineMatrix() {
    }

    /**
     * {@return the inverse affine {@code {A00, A01, off0, A10, A11, off1}} for output (axis0, axis1) to
     * source coordinates, or null when no factor is present (the transform is the identity and the image must
     * be returned unchanged)}
     *
     * @param theta rotation in degrees (counter-clockwise on screen)
     * @param tx shift along the column axis, in pixels (positive moves content left)
     * @param ty shift along the row axis, in pixels (positive moves content up)
     * @param shear shear angle in degrees
     * @param zx zoom along the column axis (below 1 magnifies)
     * @param zy zoom along the row axis
     * @param imageShape the rank-3 image shape
     * @param axes the image's axes
     * @param compatibility which centre convention to use
     */
    public static double[] inverse(double theta, double tx, double ty, double shear, double zx, double zy,
            int[] imageShape, ImageAxes axes, Compatibility compatibility) {
        double[][] t = null;
        if (theta != 0) {
            double r = Math.toRadians(theta);
            t = multiply(t, new double[][] {
                    {StrictMath.cos(r), -StrictMath.sin(r), 0}, {StrictMath.sin(r), StrictMath.cos(r), 0}, {0, 0, 1}});
        }
        if (tx != 0 || ty != 0) {
            t = multiply(t, new double[][] {{1, 0, tx}, {0, 1, ty}, {0, 0, 1}});
        }
        if (shear != 0) {
            double s = Math.toRadians(shear);
            t = multiply(t, new double[][] {{1, -StrictMath.sin(s), 0}, {0, StrictMath.cos(s), 0}, {0, 0, 1}});
        }
        if (zx != 1 || zy != 1) {
            t = multiply(t, new double[][] {{zx, 0, 0}, {0, zy, 0}, {0, 0, 1}});
        }
        if (t == null) {
            return null;
        }
        double h = imageShape[axes.rowAxis()];
        double w = imageShape[axes.colAxis()];
        // Index 0 of Keras's matrix is the column ("x") axis.
        double[] pivot = compatibility.pivot(h, w);
        double ox = pivot[0];
        double oy = pivot[1];
        double[][] offset = {{1, 0, ox}, {0, 1, oy}, {0, 0, 1}};
        double[][] reset = {{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}};
        double[][] m = multiply(multiply(offset, t), reset);
        if (axes.columnsInner()) {
            m = new double[][] {{m[1][1], m[1][0], m[1][2]}, {m[0][1], m[0][0], m[0][2]}, m[2]};
        }
        return new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2]};
    }

    /** {@code a·b} with a naive triple loop (numpy's 3×3 result, bit for bit); null a is identity. */
    private static double[][] multiply(double[][] a, double[][] b) {
        if (a == null) {
            return b;
        }
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i][k] * b[k][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }
}
