package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link OutputSlot#writeRow} and {@link OutputSlot#writeAll} put every value where
 * {@link OutputSlot#put} puts it, in heap tensors and in buffers of every element type, for both
 * layouts, planar and interleaved rows, any channel count and widths down to 1.
 */
class OutputSlotTest {
    @Test
    void rowWritesMatchElementWritesEverywhere() {
        for (DataFormat format : DataFormat.values()) {
            for (int channels : new int[] {1, 3, 4}) {
                for (int width : new int[] {1, 2, 7}) {
                    for (ElementType type : ElementType.values()) {
                        for (boolean planarRows : new boolean[] {true, false}) {
                            check(format, channels, width, type, planarRows);
                        }
                    }
                }
            }
        }
    }

    private static void check(DataFormat format, int channels, int width, ElementType type, boolean planarRows) {
        int height = 3;
        int[] image = format.imageShape(height, width, channels);
        int[] shape = {2, image[0], image[1], image[2]};
        String what = format + " c=" + channels + " w=" + width + " " + type + (planarRows ? " planar" : " interleaved");
        int padded = width + 5;
        for (boolean heap : new boolean[] {true, false}) {
            Tensor heapRows = Tensor.zeros(shape);
            Tensor heapPuts = Tensor.zeros(shape);
            BufferTensor bufferRows = BufferTensor.allocate(type, shape);
            BufferTensor bufferPuts = BufferTensor.allocate(type, shape);
            OutputSlot rows = heap ? OutputSlot.of(heapRows, 1, format) : OutputSlot.of(bufferRows, 1, format);
            OutputSlot puts = heap ? OutputSlot.of(heapPuts, 1, format) : OutputSlot.of(bufferPuts, 1, format);
            for (int i = 0; i < height; i++) {
                float[] values = new float[3 + (planarRows ? channels * padded : width * channels)];
                for (int j = 0; j < width; j++) {
                    for (int c = 0; c < channels; c++) {
                        float v = 10 * i + j + 0.25f * c + 100;
                        values[3 + (planarRows ? c * padded + j : j * channels + c)] = v;
                        puts.put(i, j, c, v);
                    }
                }
                rows.writeRow(i, values, 3, planarRows ? padded : 1, planarRows ? 1 : channels);
            }
            if (heap) {
                assertArrayEquals(heapPuts.data(), heapRows.data(), what + " heap");
            } else {
                assertArrayEquals(bufferPuts.toTensor().data(), bufferRows.toTensor().data(), what + " buffer");
            }
        }
        BufferTensor all = BufferTensor.allocate(type, shape);
        float[] slot = new float[2 + image[0] * image[1] * image[2]];
        for (int k = 2; k < slot.length; k++) {
            slot[k] = k * 0.5f;
        }
        OutputSlot.of(all, 1, format).writeAll(slot, 2);
        int item = image[0] * image[1] * image[2];
        for (int k = 0; k < item; k++) {
            assertEquals(type.round(slot[2 + k]), all.element(item + k), 0f, what + " writeAll " + k);
            assertEquals(0f, all.element(k), 0f, what + " slot 0 untouched");
        }
    }
}
