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
     */
    public int get(int row, int col, int channel) {
        return data[(row * width + col) * channels + channel] & 0xFF;
    }

    /**
     * {@return a copy of the {@code height × width} region whose top-left pixel is {@code (top, left)}}
     *
     * @param top the region's first row
     * @param left the region's first column
     * @param height the region's rows
     * @param width the region's columns
     * @throws IllegalArgumentException if the region is empty or leaves the image
     */
    public ByteImage crop(int top, int left, int height, int width) {
        if (top < 0 || left < 0 || height < 1 || width < 1 || top + height > this.height
                || left + width > this.width) {
            throw new IllegalArgumentException("crop " + height + "x" + width + " at (" + top + ", " + left
                    + ") leaves the " + this.height + "x" + this.width + " image");
        }
        byte[] out = new byte[height * width * channels];
        int rowBytes = width * channels;
        for (int r = 0; r < height; r++) {
            System.arraycopy(data, ((top + r) * this.width + left) * channels, out, r * rowBytes, rowBytes);
        }
        return new ByteImage(out, height, width, channels);
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
