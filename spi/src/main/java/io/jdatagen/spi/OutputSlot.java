package io.jdatagen.spi;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import java.util.Arrays;

/**
 * Where a kernel writes one image: slot {@code index} of a rank-4 batch, or a whole rank-3 image, in
 * the given {@link DataFormat}, held in a {@link DenseTensor}: a heap float32 {@link Tensor} or a
 * {@link BufferTensor} (direct memory a framework adopts; float32, float16 or uint8).
 *
 * <p>Kernels that write the heap array directly check {@link #hasArray()}; every kernel can write
 * either destination through {@link #put} and {@link #writeRow}, which convert to the element type.
 */
public final class OutputSlot {
    /** Each thread's scratch row for buffer slots, grown to the widest row written. */
    private static final ThreadLocal<float[]> ROW = new ThreadLocal<>();
    private final Tensor target;
    private final BufferTensor buffer;
    private final int index;
    private final DataFormat format;
    private final int height;
    private final int width;
    private final int channels;

    private OutputSlot(DenseTensor output, int index, DataFormat format) {
        if (output == null || format == null) {
            throw new IllegalArgumentException("output and format must not be null");
        }
        int[] shape = output.shape();
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
        this.target = output instanceof Tensor t ? t : null;
        this.buffer = output instanceof BufferTensor b ? b : null;
        this.index = index;
        this.format = format;
        this.height = hwc[0];
        this.width = hwc[1];
        this.channels = hwc[2];
    }

    /**
     * {@return slot {@code index} of a rank-4 batch, heap or buffer, in the given layout}
     *
     * @param batch a rank-4 tensor whose axis 0 counts the images
     * @param index the slot, 0 to {@code batch.shape()[0] - 1}
     * @param format how each image of the batch is laid out
     * @throws IndexOutOfBoundsException if there is no slot {@code index}
     * @throws IllegalArgumentException if {@code batch} is not rank 4 (or rank 3 with index 0)
     */
    public static OutputSlot of(DenseTensor batch, int index, DataFormat format) {
        return new OutputSlot(batch, index, format);
    }

    /**
     * {@return the whole of a rank-3 image tensor, heap or buffer, in the given layout}
     *
     * @param image a rank-3 tensor, written whole
     * @param format how the image is laid out
     * @throws IllegalArgumentException if {@code image} is not rank 3
     */
    public static OutputSlot image(DenseTensor image, DataFormat format) {
        return new OutputSlot(image, 0, format);
    }

    /** {@return whether the slot lies in a heap float32 tensor, whose array {@link #array()} gives} */
    public boolean hasArray() {
        return target != null;
    }

    /**
     * {@return the heap tensor written to}
     *
     * @throws IllegalStateException if the slot lies in a {@link BufferTensor}
     */
    public Tensor target() {
        if (target == null) {
            throw new IllegalStateException("this slot writes " + buffer + "; use put or writeRow");
        }
        return target;
    }

    /**
     * {@return the heap tensor's backing array, indexed by {@link #index(int, int, int)}}
     *
     * @throws IllegalStateException if the slot lies in a {@link BufferTensor}
     */
    public float[] array() {
        return target().data();
    }

    /** {@return the element type written: float32 for heap tensors} */
    public ElementType elementType() {
        return target != null ? ElementType.FLOAT32 : buffer.elementType();
    }

    /**
     * Writes element (row, col, channel) of this slot, converted to the element type.
     */
    public void put(int row, int col, int channel, float value) {
        int k = index(row, col, channel);
        if (target != null) {
            target.data()[k] = value;
        } else {
            buffer.setElement(k, value);
        }
    }

    /**
     * Writes output row {@code row} of this slot: element (col, channel) is
     * {@code values[from + channel * channelStride + col * colStride]}. Planar rows (one run per
     * channel) have {@code colStride} 1; interleaved ones have {@code channelStride} 1.
     *
     * @param values the row's values
     * @param from the index of element (0, 0)
     * @param channelStride the distance between channels
     * @param colStride the distance between columns
     */
    public void writeRow(int row, float[] values, int from, int channelStride, int colStride) {
        int first = index(row, 0, 0);
        boolean planar = format == DataFormat.CHANNELS_FIRST || channels == 1;
        int step = format == DataFormat.CHANNELS_FIRST ? height * width : 1;
        int pixel = planar ? 1 : channels;
        if (target != null) {
            float[] dst = target.data();
            if (pixel == 1 && colStride == 1) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(values, from + c * channelStride, dst, first + c * step, width);
                }
                return;
            }
            if (step == 1 && channelStride == 1 && pixel == channels && colStride == channels) {
                System.arraycopy(values, from, dst, first, width * channels);
                return;
            }
            for (int c = 0; c < channels; c++) {
                for (int j = 0, o = first + c * step, r = from + c * channelStride; j < width; j++, o += pixel,
                        r += colStride) {
                    dst[o] = values[r];
                }
            }
            return;
        }
        if (planar) {
            float[] plane = colStride == 1 ? values : scratch(width);
            for (int c = 0; c < channels; c++) {
                int at = from + c * channelStride;
                if (colStride != 1) {
                    for (int j = 0; j < width; j++) {
                        plane[j] = values[at + j * colStride];
                    }
                    at = 0;
                }
                buffer.setElements(first + c * step, plane, at, width);
            }
            return;
        }
        if (channelStride == 1 && colStride == channels) {
            buffer.setElements(first, values, from, width * channels);
            return;
        }
        int length = width * channels;
        float[] interleaved = scratch(length);
        if (channels == 3) {
            // The common RGB row, unrolled: the generic loop below is several times slower.
            for (int o = 0, r = from; o < length; o += 3, r += colStride) {
                interleaved[o] = values[r];
                interleaved[o + 1] = values[r + channelStride];
                interleaved[o + 2] = values[r + 2 * channelStride];
            }
        } else {
            for (int j = 0, r = from; j < width; j++, r += colStride) {
                for (int c = 0; c < channels; c++) {
                    interleaved[j * channels + c] = values[r + c * channelStride];
                }
            }
        }
        buffer.setElements(first, interleaved, 0, length);
    }

    /**
     * {@return this thread's scratch row of at least {@code length} floats}: a buffer slot's row is
     * gathered there, then copied into the buffer in one bulk write ({@link BufferTensor#setElements}
     * copies before returning, so the next row may reuse it).
     */
    private static float[] scratch(int length) {
        float[] row = ROW.get();
        if (row == null || row.length < length) {
            row = new float[length];
            ROW.set(row);
        }
        return row;
    }

    /**
     * Writes the whole slot from {@code values}, laid out as the slot is (its {@link DataFormat}),
     * starting at {@code values[from]}.
     *
     * @param values the slot's values
     * @param from the index of the first
     */
    public void writeAll(float[] values, int from) {
        int length = height * width * channels;
        if (target != null) {
            System.arraycopy(values, from, target.data(), baseOffset(), length);
        } else {
            buffer.setElements(baseOffset(), values, from, length);
        }
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

    /** {@return index (in row-major element order) of the slot's first element} */
    public int baseOffset() {
        return index * height * width * channels;
    }

    /**
     * {@return index (in row-major element order) of element (row, col, channel) of this slot}
     */
    public int index(int row, int col, int channel) {
        return baseOffset() + format.offset(height, width, channels, row, col, channel);
    }

    @Override
    public String toString() {
        return "OutputSlot[" + index + " of " + (target != null ? target : buffer) + ", " + format + "]";
    }
}
