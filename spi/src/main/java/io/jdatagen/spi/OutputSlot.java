package io.jdatagen.spi;

import java.util.Arrays;

/**
 * Where a kernel writes one float32 image: slot {@code index} of a rank-4 batch, or a whole
 * rank-3 image, in the given {@link DataFormat}.
 */
public final class OutputSlot {
    private final Tensor target;
    private final int index;
    private final DataFormat format;
    private final int height;
    private final int width;
    private final int channels;

    private OutputSlot(Tensor target, int index, DataFormat format) {
        int[] shape = target.shape();
        int[] imageShape;
        if (shape.length == 4) {
            if (index < 0 || index >= shape[0]) {
                throw new IndexOutOfBoundsException("slot " + index + " out of range for a batch of "
                        + shape[0]);
            }
            imageShape = Arrays.copyOfRange(shape, 1, 4);
        } else if (shape.length == 3) {
            if (index != 0) {
                throw new IndexOutOfBoundsException("slot " + index + " of a single image");
            }
            imageShape = shape;
        } else {
            throw new IllegalArgumentException("output must be a rank-3 image or rank-4 batch, got shape "
                    + Arrays.toString(shape));
        }
        int[] hwc = format.imageHwc(imageShape);
        this.target = target;
        this.index = index;
        this.format = format;
        this.height = hwc[0];
        this.width = hwc[1];
        this.channels = hwc[2];
    }

    /**
     * {@return slot {@code index} of a rank-4 batch tensor in the given layout}
     *
     * @param batch the batch
     * @param index the index
     * @param format the data format
     */
    public static OutputSlot of(Tensor batch, int index, DataFormat format) {
        return new OutputSlot(batch, index, format);
    }

    /**
     * {@return the whole of a rank-3 image tensor in the given layout}
     *
     * @param image the image
     * @param format the data format
     */
    public static OutputSlot image(Tensor image, DataFormat format) {
        return new OutputSlot(image, 0, format);
    }

    /** {@return the tensor written to} */
    public Tensor target() {
        return target;
    }

    /** {@return the batch slot (0 for a single image)} */
    public int index() {
        return index;
    }

    /** {@return layout of the output} */
    public DataFormat format() {
        return format;
    }

    /** {@return output rows} */
    public int height() {
        return height;
    }

    /** {@return output columns} */
    public int width() {
        return width;
    }

    /** {@return output channels} */
    public int channels() {
        return channels;
    }

    /** {@return index in {@code target().data()} of the slot's first element} */
    public int baseOffset() {
        return index * height * width * channels;
    }

    /**
     * {@return index in {@code target().data()} of element (row, col, channel) of this slot}
     *
     * @param row the row
     * @param col the col
     * @param channel the channel
     */
    public int index(int row, int col, int channel) {
        return baseOffset() + format.offset(height, width, channels, row, col, channel);
    }

    @Override
    public String toString() {
        return "OutputSlot[" + index + " of " + target + ", " + format + "]";
    }
}
