package io.jdatagen.spi;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;

/**
 * A read-only source image for the warp kernel: either float32 samples in a rank-3 tensor of
 * either {@link DataFormat}, or 8-bit samples in {@code H,W,C} order (decoded images stay 8-bit
 * until the kernel writes float32).
 */
public final class SourceImage {
    private final int height;
    private final int width;
    private final int channels;
    private final DataFormat format;
    private final float[] floats;
    private final byte[] bytes;
    private final int offset;

    private SourceImage(int height, int width, int channels, DataFormat format, float[] floats,
            byte[] bytes, int offset) {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("a source image needs height, width and channels >= 1;"
                    + " got " + height + "x" + width + "x" + channels);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.format = format;
        this.floats = floats;
        this.bytes = bytes;
        this.offset = offset;
    }

    /**
     * {@return a float32 source: a rank-3 image tensor in the given format}
     *
     * @param format the data format
     */
    public static SourceImage of(Tensor image, DataFormat format) {
        int[] hwc = format.imageHwc(image.shape());
        return new SourceImage(hwc[0], hwc[1], hwc[2], format, image.data(), null, 0);
    }

    /**
     * {@return image {@code index} of a rank-4 float32 batch in the given format, read in place from the
     * batch's array (no copy): the source sees later writes to the batch}
     *
     * @throws IllegalArgumentException if {@code batch} is not rank 4
     * @throws IndexOutOfBoundsException if there is no image {@code index}
     */
    public static SourceImage ofItem(Tensor batch, int index, DataFormat format) {
        if (batch.rank() != 4) {
            throw new IllegalArgumentException("batch must have rank 4; got shape "
                    + java.util.Arrays.toString(batch.shape()));
        }
        if (index < 0 || index >= batch.dim(0)) {
            throw new IndexOutOfBoundsException("image " + index + " out of range for a batch of " + batch.dim(0));
        }
        int[] hwc = format.imageHwc(java.util.Arrays.copyOfRange(batch.shape(), 1, 4));
        return new SourceImage(hwc[0], hwc[1], hwc[2], format, batch.data(), null, index * batch.itemSize());
    }

    /**
     * {@return a float32 source of {@code height × width × channels} samples in {@code format}'s order from
     * {@code offset} of {@code data}, read in place (no copy): one image lying in a larger array}
     *
     * @throws IllegalArgumentException if the image does not fit in {@code data} from {@code offset}
     */
    public static SourceImage of(float[] data, int offset, int height, int width, int channels, DataFormat format) {
        long needed = (long) height * width * channels;
        if (offset < 0 || offset + needed > data.length) {
            throw new IllegalArgumentException("float image " + height + "x" + width + "x" + channels
                    + " at offset " + offset + " does not fit in " + data.length + " values");
        }
        return new SourceImage(height, width, channels, format, data, null, offset);
    }

    /**
     * {@return an 8-bit source in {@code H,W,C} order starting at {@code offset} of {@code data} (values are
     * unsigned, 0..255)}
     */
    public static SourceImage ofBytes(byte[] data, int offset, int height, int width, int channels) {
        long needed = (long) height * width * channels;
        if (offset < 0 || offset + needed > data.length) {
            throw new IllegalArgumentException("byte image " + height + "x" + width + "x" + channels
                    + " at offset " + offset + " does not fit in " + data.length + " bytes");
        }
        return new SourceImage(height, width, channels, DataFormat.CHANNELS_LAST, null, data, offset);
    }

    /** {@return rows} */
    public int height() {
        return height;
    }

    /** {@return columns} */
    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    /** {@return sample layout; always {@link DataFormat#CHANNELS_LAST} for 8-bit sources} */
    public DataFormat format() {
        return format;
    }

    /** {@return whether samples are 8-bit ({@link #bytes()}) rather than float32 ({@link #floats()})} */
    public boolean isBytes() {
        return bytes != null;
    }

    /** {@return the float32 samples (null for an 8-bit source)} */
    public float[] floats() {
        return floats;
    }

    /** {@return the 8-bit samples (null for a float32 source)} */
    public byte[] bytes() {
        return bytes;
    }

    /** {@return index of the first sample in {@link #bytes()} or {@link #floats()}} */
    public int offset() {
        return offset;
    }

    /**
     * {@return the array index of sample (row, col, channel)}
     */
    public int index(int row, int col, int channel) {
        return offset + format.offset(height, width, channels, row, col, channel);
    }

    /**
     * {@return sample (row, col, channel) as a float; 8-bit samples are read unsigned}
     */
    public float sample(int row, int col, int channel) {
        int i = index(row, col, channel);
        return bytes != null ? bytes[i] & 0xFF : floats[i];
    }

    @Override
    public String toString() {
        return "SourceImage[" + height + "x" + width + "x" + channels + ", " + format
                + (bytes != null ? ", u8" : ", f32") + "]";
    }

    /**
     * {@return a float copy of this image as a rank-3 tensor in {@code layout}}
     */
    public Tensor toTensor(DataFormat layout) {
        Tensor t = Tensor.zeros(layout.imageShape(height, width, channels));
        float[] out = t.data();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                for (int ch = 0; ch < channels; ch++) {
                    out[layout.offset(height, width, channels, r, c, ch)] = sample(r, c, ch);
                }
            }
        }
        return t;
    }

    /** {@return the shape {@code [height, width, channels]}} */
    public int[] hwc() {
        return new int[] {height, width, channels};
    }
}
