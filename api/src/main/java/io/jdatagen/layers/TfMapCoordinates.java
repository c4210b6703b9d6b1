package io.jdatagen.layers;

/**
 * Keras 3's {@code keras.ops.image.map_coordinates} on TensorFlow, orders 0 and 1, for one channel of an image:
 * each output value reads the channel at a {@code (row, column)} coordinate pair. Order 1 takes the two
 * integer neighbours {@code floor(c)} and {@code floor(c) + 1} on each axis with weights {@code 1 - f} and
 * {@code f} (float32), order 0 the neighbour {@code round(c)} (halves to even). Each integer index is then
 * brought into the image per axis by the fill mode, with Keras's arithmetic on indices:
 * <ul>
 *   <li>{@code constant}: an index outside {@code [0, n)} makes its tap read the fill value;</li>
 *   <li>{@code nearest}: clamped to {@code [0, n - 1]};</li>
 *   <li>{@code wrap}: {@code floorMod(i, n)};</li>
 *   <li>{@code reflect}: {@code m = |i| mod 2n}, then {@code m} if {@code m < n}, else {@code 2n - m - 1}
 *       (so {@code -1} reads pixel 1 and {@code n} reads pixel {@code n - 1}).</li>
 * </ul>
 * The taps are summed in the order rows-outer, columns-inner, left to right, in float32.
 */
final class TfMapCoordinates {
    private TfMapCoordinates() {
    }

    /** Keras's fill modes of {@code elastic_transform} on TensorFlow. */
    enum Fill {
        CONSTANT, NEAREST, WRAP, REFLECT;

        /** {@return the mode of Keras's {@code fill_mode} name} */
        static Fill of(String name) {
            return switch (name) {
                case "constant" -> CONSTANT;
                case "nearest" -> NEAREST;
                case "wrap" -> WRAP;
                case "reflect" -> REFLECT;
                default -> throw new IllegalArgumentException("fill_mode must be one of constant, nearest, wrap, "
                        + "reflect; got " + name);
            };
        }
    }

    /**
     * {@return the channel value at {@code (row, column)}}
     *
     * @param channel reads the channel's pixel {@code (r, c)}, both inside the image
     * @param bilinear order 1, else order 0
     */
    static float sample(Channel channel, int height, int width, float row, float column, boolean bilinear, Fill fill,
            float fillValue) {
        if (!bilinear) {
            int r = (int) Math.rint(row);
            int c = (int) Math.rint(column);
            float v = valid(r, height, fill) && valid(c, width, fill)
                    ? channel.at(index(r, height, fill), index(c, width, fill)) : fillValue;
            return 1f * 1f * v;
        }
        float rowFloor = (float) Math.floor(row);
        float rowUpper = row - rowFloor;
        float rowLower = 1 - rowUpper;
        float colFloor = (float) Math.floor(column);
        float colUpper = column - colFloor;
        float colLower = 1 - colUpper;
        int r0 = (int) rowFloor;
        int c0 = (int) colFloor;
        float sum = rowLower * colLower * tap(channel, height, width, r0, c0, fill, fillValue);
        sum += rowLower * colUpper * tap(channel, height, width, r0, c0 + 1, fill, fillValue);
        sum += rowUpper * colLower * tap(channel, height, width, r0 + 1, c0, fill, fillValue);
        sum += rowUpper * colUpper * tap(channel, height, width, r0 + 1, c0 + 1, fill, fillValue);
        return sum;
    }

    private static float tap(Channel channel, int height, int width, int r, int c, Fill fill, float fillValue) {
        return valid(r, height, fill) && valid(c, width, fill)
                ? channel.at(index(r, height, fill), index(c, width, fill)) : fillValue;
    }

    private static boolean valid(int i, int n, Fill fill) {
        return fill != Fill.CONSTANT || (i >= 0 && i < n);
    }

    /** {@return index {@code i} of an axis of {@code n} pixels brought into {@code [0, n)} by {@code fill}} */
    static int index(int i, int n, Fill fill) {
        return switch (fill) {
            case CONSTANT, NEAREST -> Math.min(Math.max(i, 0), n - 1);
            case WRAP -> Math.floorMod(i, n);
            case REFLECT -> {
                int m = Math.abs(i) % (2 * n);
                yield m < n ? m : 2 * n - m - 1;
            }
        };
    }

    /** One channel of an image, read at integral coordinates inside it. */
    @FunctionalInterface
    interface Channel {
        /** {@return the value at row {@code r}, column {@code c}} */
        float at(int r, int c);
    }
}
