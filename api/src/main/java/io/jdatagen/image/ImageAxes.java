package io.jdatagen.image;

import io.jdatagen.core.DataFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The row, column and channel axes of a rank-3 image, as Keras's {@code apply_affine_transform}
 * takes them. Validated with Keras's messages.
 *
 * @param rowAxis the axis of rows (height)
 * @param colAxis the axis of columns (width)
 * @param channelAxis the axis of channels: 0 or 2
 */
public record ImageAxes(int rowAxis, int colAxis, int channelAxis) {
    /** Channels last: rows 0, columns 1, channels 2. */
    public static final ImageAxes CHANNELS_LAST = new ImageAxes(0, 1, 2);
    /** Channels first: rows 1, columns 2, channels 0 (Keras's function default). */
    public static final ImageAxes CHANNELS_FIRST = new ImageAxes(1, 2, 0);

    /**
     * Validates the axes.
     *
     * @throws IllegalArgumentException with Keras's message when the axes are not distinct, not
     *     {0,1,2}, or the channel axis is not first or last
     */
    public ImageAxes {
        if (rowAxis == colAxis || rowAxis == channelAxis || colAxis == channelAxis) {
            throw new IllegalArgumentException("'row_axis', 'col_axis', and 'channel_axis' must be distinct");
        }
        Set<Integer> extra = new TreeSet<>(Set.of(rowAxis, colAxis, channelAxis));
        extra.removeAll(Set.of(0, 1, 2));
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("Invalid axis' indices: " + extra.toString()
                    .replace('[', '{').replace(']', '}'));
        }
        if (channelAxis != 0 && channelAxis != 2) {
            throw new IllegalArgumentException("Channels are allowed and the first and last dimensions.");
        }
    }

    /**
     * {@return the standard axes of a data format}
     *
     * @param format the data format
     */
    public static ImageAxes of(DataFormat format) {
        return format == DataFormat.CHANNELS_LAST ? CHANNELS_LAST : CHANNELS_FIRST;
    }

    /** {@return the storage layout: channels last when the channel axis is 2} */
    public DataFormat dataFormat() {
        return channelAxis == 2 ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
    }

    /** {@return whether the column axis is the inner of the two spatial axes as stored} */
    public boolean columnsInner() {
        return colAxis > rowAxis;
    }
}
