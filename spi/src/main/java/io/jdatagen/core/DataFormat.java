package io.jdatagen.core;

import java.util.Arrays;

/** Where the channel axis sits in an image ({@code H,W,C} or {@code C,H,W}) or batch. */
public enum DataFormat {
    /** Channels after rows and columns: images {@code (H, W, C)}, batches {@code (N, H, W, C)}. */
    CHANNELS_LAST("channels_last"),
    /** Channels before rows and columns: images {@code (C, H, W)}, batches {@code (N, C, H, W)}. */
    CHANNELS_FIRST("channels_first");

    private final String kerasName;

    DataFormat(String kerasName) {
        this.kerasName = kerasName;
    }

    /** {@return the Keras spelling, e.g. {@code "channels_last"}} */
    public String kerasName() {
        return kerasName;
    }

    /** {@return the channel axis of a rank-3 image in this format} */
    public int imageChannelAxis() {
        return this == CHANNELS_LAST ? 2 : 0;
    }

    /**
     * {@return height, width and channels of a rank-3 image of this format, in that order}
     */
    public int[] imageHwc(int[] imageShape) {
        if (imageShape.length != 3) {
            throw new IllegalArgumentException("an image must have rank 3, got shape "
                    + Arrays.toString(imageShape));
        }
        return this == CHANNELS_LAST
                ? new int[] {imageShape[0], imageShape[1], imageShape[2]}
                : new int[] {imageShape[1], imageShape[2], imageShape[0]};
    }

    /**
     * {@return the rank-3 image shape for the given height, width and channels}
     */
    public int[] imageShape(int height, int width, int channels) {
        return this == CHANNELS_LAST
                ? new int[] {height, width, channels}
                : new int[] {channels, height, width};
    }

    /**
     * {@return the offset of element (row, col, channel) within one image of this format with the given
     * height, width and channels}
     */
    public int offset(int height, int width, int channels, int row, int col, int channel) {
        return this == CHANNELS_LAST
                ? (row * width + col) * channels + channel
                : (channel * height + row) * width + col;
    }

    /**
     * Parses a Keras name ({@code channels_last}, {@code channels_first}) under {@link OptionNames}'
     * rule (case and surrounding blanks ignored).
     *
     * @return the data format
     * @throws IllegalArgumentException naming the value, a close spelling and the allowed ones
     */
    public static DataFormat fromKerasName(String name) {
        return OptionNames.parse("dataFormat", name, Arrays.asList(values()), DataFormat::kerasName);
    }
}
