package io.jdatagen.io;

import io.jdatagen.spi.SourceImage;

/**
 * A decoded 8-bit image: unsigned samples in {@code H,W,C} order with 1 (gray), 2 (gray and
 * alpha), 3 (RGB) or 4 (RGBA) channels. Images stay 8-bit until a kernel writes float32.
 */
public final class ByteImage {
    private final byte[] data;
    private final int height;
    private final int width;
    private final int channels;

    /**
     * Wraps {@code data} (no copy).
     *
     * @param data the data
     * @param height the height
     * @param width the width
     * @param channels the channels
     * @throws IllegalArgumentException if the sizes disagree or {@code channels} is not 1 to 4
     */
    public ByteImage(byte[] data, int height, int width, int channels) {
        if (height < 1 || width < 1 || channels < 1 || channels > 4) {
            throw new IllegalArgumentException("an image needs height and width >= 1 and 1 to 4 channels; got "
                    + height + "x" + width + "x" + channels);
        }
        if ((long) height * width * channels != data.length) {
            throw new IllegalArgumentException(height + "x" + width + "x" + channels + " needs "
                    + (long) height * width * channels + " bytes but data has " + data.length);
        }
        this.data = data;
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    /** {@return the samples, {@code H,W,C} order (not a copy)} */
    public byte[] data() {
        return data;
    }

    /** {@return rows} */
    public int height() {
        return height;
    }

    /** {@return columns} */
    public int width() {
        return width;
    }

    /** {@return channels per pixel} */
    public int channels() {
        return channels;
    }

    /**
     * {@return the sample at {@code (row, col, channel)}, 0..255}
     *
     * @param row the row
     * @param col the col
     * @param channel the channel
     */
    public int get(int row, int col, int channel) {
        return data[(row * width + col) * channels + channel] & 0xFF;
    }

    /** {@return this image as a warp-kernel source (no copy)} */
    public SourceImage toSource() {
        return SourceImage.ofBytes(data, 0, height, width, channels);
    }

    @Override
    public String toString() {
        return "ByteImage[" + height + "x" + width + "x" + channels + "]";
    }
}
