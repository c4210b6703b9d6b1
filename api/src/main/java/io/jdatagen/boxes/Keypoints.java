package io.jdatagen.boxes;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sample's keypoints: {@code (x, y, visibility)} each, in the image's pixel edges as the boxes are
 * ({@code x} from 0 at the left edge to {@code width} at the right one, so the centre of pixel column
 * {@code c} is {@code c + 0.5}), ragged like {@link BoundingBoxes}: any number per sample, each keeping its
 * index through every transform. The visibility is kept as given (COCO writes 0 for "not labelled", 1 for
 * "labelled, hidden", 2 for "visible") except that a point a transform moves off the image gets
 * {@link #OUTSIDE} (0), its coordinates kept where the map sent them: points are marked, never dropped.
 *
 * <p>An optional swap map ({@link #withMirrorSwap(int[])}) names each point's mirror partner (a left eye's
 * right eye): a transform whose map mirrors the image (a negative determinant: one horizontal or vertical
 * flip, not two) exchanges the partners' coordinates and visibilities, as a face's left eye becomes the
 * right one in a mirrored image. Without a map nothing is exchanged, as Keras and albumentations do. For
 * samples holding several objects of {@code K} points each (COCO), a map of length {@code K} applies to each
 * block of {@code K}. Immutable.
 */
public final class Keypoints {
    /** The visibility of a point that a transform moved off the image. */
    public static final int OUTSIDE = 0;
    private final double[][] points;
    private final int[] visibility;
    private final int[] swap;

    private Keypoints(double[][] points, int[] visibility, int[] swap) {
        this.points = points;
        this.visibility = visibility;
        this.swap = swap;
    }

    /**
     * {@return the points {@code points} (each {@code {x, y}}) with their {@code visibility}, copied, no swap map}
     *
     * @throws IllegalArgumentException when a point is not 2 finite numbers or the two lengths differ
     */
    public static Keypoints of(double[][] points, int[] visibility) {
        if (points.length != visibility.length) {
            throw new IllegalArgumentException("points and visibility must have the same length; got "
                    + points.length + " points and " + visibility.length + " visibilities");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p == null || p.length != 2 || !Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("points[" + i + "] must be 2 finite numbers {x, y}; got "
                        + (p == null ? "null" : Arrays.toString(p)));
            }
            copy[i] = p.clone();
        }
        return new Keypoints(copy, visibility.clone(), null);
    }

    /**
     * {@return COCO's flat form {@code [x1, y1, v1, x2, y2, v2, ...]} read as keypoints}
     *
     * @throws IllegalArgumentException when the length is not a multiple of 3 or a number is not finite
     */
    public static Keypoints ofFlat(double[] xyv) {
        if (xyv.length % 3 != 0) {
            throw new IllegalArgumentException("a flat keypoint list must hold (x, y, visibility) triples; got "
                    + xyv.length + " numbers");
        }
        double[][] points = new double[xyv.length / 3][];
        int[] visibility = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {xyv[3 * i], xyv[3 * i + 1]};
            if (!Double.isFinite(xyv[3 * i + 2])) {
                throw new IllegalArgumentException("visibility of point " + i + " must be finite; got "
                        + xyv[3 * i + 2]);
            }
            visibility[i] = (int) xyv[3 * i + 2];
        }
        return of(points, visibility);
    }

    /** {@return no points} */
    public static Keypoints empty() {
        return new Keypoints(new double[0][], new int[0], null);
    }

    /**
     * {@return these points with a swap map: {@code partner[i]} is point {@code i}'s mirror partner
     * ({@code i} itself for a point on the axis, a nose), applied to each block of {@code partner.length} points}
     *
     * @throws IllegalArgumentException when {@code partner} is empty, does not divide the number of points, or
     *     is not its own inverse ({@code partner[partner[i]] == i})
     */
    public Keypoints withMirrorSwap(int[] partner) {
        int k = partner.length;
        if (k == 0 || points.length % k != 0) {
            throw new IllegalArgumentException("the swap map's length must divide the number of points ("
                    + points.length + "); got " + k);
        }
        for (int i = 0; i < k; i++) {
            if (partner[i] < 0 || partner[i] >= k || partner[partner[i]] != i) {
                throw new IllegalArgumentException("the swap map must pair points: partner[partner[i]] == i for"
                        + " indices in [0, " + k + "); got " + Arrays.toString(partner));
            }
        }
        return new Keypoints(points, visibility, partner.clone());
    }

    /** {@return the number of points, those marked outside included} */
    public int size() {
        return points.length;
    }

    /** {@return point {@code i}'s {@code {x, y}} (a copy)} */
    public double[] point(int i) {
        return points[i].clone();
    }

    /** {@return point {@code i}'s visibility; {@link #OUTSIDE} once a transform moved it off the image} */
    public int visibility(int i) {
        return visibility[i];
    }

    /** {@return every point's visibility (a copy)} */
    public int[] visibilities() {
        return visibility.clone();
    }

    /** {@return COCO's flat form {@code [x1, y1, v1, ...]}} */
    public double[] toFlat() {
        double[] out = new double[3 * points.length];
        for (int i = 0; i < points.length; i++) {
            out[3 * i] = points[i][0];
            out[3 * i + 1] = points[i][1];
            out[3 * i + 2] = visibility[i];
        }
        return out;
    }

    /** {@return these points with the {@code x} and {@code y} scaled by the two factors, visibility kept} */
    public Keypoints scaled(double sx, double sy) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = new double[] {points[i][0] * sx, points[i][1] * sy};
        }
        return new Keypoints(out, visibility, swap);
    }

    /**
     * {@return the points mapped by an affine map over pixel indices, exactly: each point {@code (x, y)} is the
     * index {@code (row, column) = (y − 0.5, x − 0.5)}, which goes to {@code (a00·row + a01·column + t0,
     * a10·row + a11·column + t1)} with {@code forward = {a00, a01, t0, a10, a11, t1}}, and back to
     * {@code (column + 0.5, row + 0.5)}} The map pixels go through moves a point drawn on a pixel to where that
     * pixel lands (a flip sends {@code x} to {@code width − x}). A point then outside
     * {@code [0, outWidth) × [0, outHeight)} gets the visibility {@link #OUTSIDE}; with a swap map, a map whose
     * determinant is negative exchanges the partners.
     *
     * @throws IllegalArgumentException for a map that is not 6 finite numbers
     */
    public Keypoints transform(double[] forward, double outHeight, double outWidth) {
        if (forward.length != 6 || !Arrays.stream(forward).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("forward must be 6 finite numbers {a00, a01, t0, a10, a11, t1}; got "
                    + Arrays.toString(forward));
        }
        // The same map over (column, row, 1), whose last row keeps z = 1: the same sums, divided by 1, and the
        // same determinant, so the same points, visibility and swap bit for bit.
        return transformProjective(new double[][] {{forward[4], forward[3], forward[5]},
                {forward[1], forward[0], forward[2]}, {0, 0, 1}}, outHeight, outWidth);
    }

    /** {@return the mapped points, the mirror partners exchanged when the map {@code mirrors} and a swap map is set} */
    private Keypoints swapped(double[][] out, int[] vis, boolean mirrors) {
        if (swap != null && mirrors) {
            double[][] swapped = new double[out.length][];
            int[] swappedVis = new int[vis.length];
            int k = swap.length;
            for (int i = 0; i < out.length; i++) {
                int j = i - i % k + swap[i % k];
                swapped[i] = out[j];
                swappedVis[i] = vis[j];
            }
            return new Keypoints(swapped, swappedVis, swap);
        }
        return new Keypoints(out, vis, swap);
    }

    /**
     * {@return the points mapped by a projective map over pixel indices, exactly: each point {@code (x, y)} is the
     * index {@code (column, row) = (x − 0.5, y − 0.5)}, which goes to {@code ((h00·column + h01·row + h02) / z,
     * (h10·column + h11·row + h12) / z)} with {@code z = h20·column + h21·row + h22}, and back to
     * {@code (column + 0.5, row + 0.5)}} This is the map a perspective warp moves its pixels by (the inverse of
     * the homography it samples through). A point then outside {@code [0, outWidth) × [0, outHeight)}, or sent
     * behind the horizon ({@code z ≤ 0}), gets the visibility {@link #OUTSIDE}; with a swap map, a map whose
     * determinant is negative exchanges the partners, as {@link #transform} does.
     *
     * @param forward the 3 × 3 matrix {@code {{h00, h01, h02}, {h10, h11, h12}, {h20, h21, h22}}} over
     *     {@code (column, row, 1)}
     * @throws IllegalArgumentException for a matrix that is not 3 × 3 finite numbers
     */
    public Keypoints transformProjective(double[][] forward, double outHeight, double outWidth) {
        if (forward.length != 3 || !Arrays.stream(forward).allMatch(
                r -> r != null && r.length == 3 && Arrays.stream(r).allMatch(Double::isFinite))) {
            throw new IllegalArgumentException("forward must be 3 x 3 finite numbers; got "
                    + Arrays.deepToString(forward));
        }
        double[][] out = new double[points.length][];
        int[] vis = visibility.clone();
        for (int i = 0; i < points.length; i++) {
            double c = points[i][0] - 0.5;
            double r = points[i][1] - 0.5;
            double z = forward[2][0] * c + forward[2][1] * r + forward[2][2];
            double x = (forward[0][0] * c + forward[0][1] * r + forward[0][2]) / z + 0.5;
            double y = (forward[1][0] * c + forward[1][1] * r + forward[1][2]) / z + 0.5;
            out[i] = new double[] {x, y};
            if (!(z > 0 && x >= 0 && x < outWidth && y >= 0 && y < outHeight)) {
                vis[i] = OUTSIDE;
            }
        }
        double det = forward[0][0] * (forward[1][1] * forward[2][2] - forward[1][2] * forward[2][1])
                - forward[0][1] * (forward[1][0] * forward[2][2] - forward[1][2] * forward[2][0])
                + forward[0][2] * (forward[1][0] * forward[2][1] - forward[1][1] * forward[2][0]);
        return swapped(out, vis, det < 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Keypoints k && Arrays.deepEquals(points, k.points)
                && Arrays.equals(visibility, k.visibility) && Arrays.equals(swap, k.swap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(points), Arrays.hashCode(visibility), Arrays.hashCode(swap));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Keypoints[");
        for (int i = 0; i < points.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Arrays.toString(points[i])).append(" v").append(visibility[i]);
        }
        return s.append(']').toString();
    }
}
