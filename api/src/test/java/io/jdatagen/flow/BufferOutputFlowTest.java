package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.GeneratorBuilder;
import io.jdatagen.image.ImageDataGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flows that write their images into buffers ({@link FlowOptions.Builder#output}) give the heap
 * flow's values converted to the element type, in both layouts, whether the warp writes the buffer
 * directly or the samples have steps after it.
 */
class BufferOutputFlowTest {
    private static final Tensor IMAGES = wholeValues(ArrayFlowTest.images(10, 9, 11, 3, 21));
    private static final Tensor IMAGES_FIRST = wholeValues(ArrayFlowTest.images(10, 3, 9, 11, 22));
    private static final Tensor LABELS = ArrayFlowTest.arange(10, 0);

    private static Tensor wholeValues(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = Math.round(t.data()[i]);
        }
        return t;
    }

    private static GeneratorBuilder generator(String format, boolean fused, boolean rescale) {
        GeneratorBuilder b = ImageDataGenerator.builder().rotationRange(25).zoomRange(0.2).horizontalFlip(true)
                .dataFormat(format);
        if (rescale) {
            b.rescale(1 / 255.0);
        }
        return fused ? b : b.channelShiftRange(30);
    }

    @Test
    void buffersHoldTheHeapValuesConvertedToEachType() {
        for (ElementType type : ElementType.values()) {
            for (String format : new String[] {"channels_last", "channels_first"}) {
                for (boolean fused : new boolean[] {true, false}) {
                    ImageDataGenerator g = generator(format, fused, type != ElementType.UINT8).build();
                    Tensor images = format.equals("channels_first") ? IMAGES_FIRST : IMAGES;
                    ArrayFlow heap = g.flow(images, LABELS, FlowOptions.arrays().batchSize(4).seed(5));
                    ArrayFlow buffered = g.flow(images, LABELS,
                            FlowOptions.arrays().batchSize(4).seed(5).output(type));
                    assertEquals(type, buffered.output().orElseThrow());
                    for (int index = 0; index < heap.size(); index++) {
                        String what = type + " " + format + " fused=" + fused + " batch " + index;
                        Batch expected = heap.get(index);
                        Batch actual = buffered.get(index);
                        BufferTensor x = assertInstanceOf(BufferTensor.class, actual.x(), what);
                        assertTrue(x.buffer().isDirect(), what);
                        assertEquals(type, x.elementType(), what);
                        assertArrayEquals(expected.x().shape(), x.shape(), what);
                        float[] values = expected.xTensor().data();
                        for (int k = 0; k < values.length; k++) {
                            assertEquals(type.round(values[k]), x.element(k), 0f, what + " element " + k);
                        }
                        assertSame(x, actual.x(), what + ": x() is the buffer, not a copy");
                        assertTrue(assertThrows(IllegalStateException.class, actual::xTensor, what).getMessage()
                                .contains("x().toTensor()"), what + ": the heap accessor names the explicit copy");
                        assertEquals(Batch.of(x.toTensor(), List.of(), actual.targets(), null, actual.indices(),
                                List.of()), actual, what + ": batches compare by values");
                        assertEquals(expected.y(), actual.y(), what);
                    }
                }
            }
        }
    }

    @Test
    void releasedMemoryIsReusedForLaterBatches() {
        ImageDataGenerator g = generator("channels_first", true, true).build();
        ArrayFlow heap = g.flow(IMAGES_FIRST, LABELS, FlowOptions.arrays().batchSize(4).seed(8));
        ArrayFlow buffered = g.flow(IMAGES_FIRST, LABELS, FlowOptions.arrays().batchSize(4).seed(8).output("float16"));
        Batch first = buffered.get(0);
        Batch kept = buffered.get(1);
        assertNotSame(buffer(first), buffer(kept),
                "memory not given back is not reused");
        first.release();
        first.release();
        Batch reusing = buffered.atEpoch(1).get(0);
        assertSame(buffer(first), buffer(reusing),
                "the released memory holds the next batch");
        Batch expected = heap.atEpoch(1).get(0);
        BufferTensor x = (BufferTensor) reusing.x();
        for (int k = 0; k < x.size(); k++) {
            assertEquals(ElementType.FLOAT16.round(expected.xTensor().data()[k]), x.element(k), 0f, "element " + k);
        }
        Batch another = buffered.atEpoch(1).get(1);
        assertNotSame(buffer(reusing), buffer(another),
                "a buffer released once is handed out once");
    }

    @Test
    void heapFlowsHaveNoBuffer() {
        ArrayFlow heap = generator("channels_last", true, true).build().flow(IMAGES, LABELS,
                FlowOptions.arrays().batchSize(4));
        assertFalse(heap.output().isPresent());
        assertInstanceOf(Tensor.class, heap.get(0).x());
    }

    private static java.nio.ByteBuffer buffer(Batch b) {
        return assertInstanceOf(BufferTensor.class, b.x()).buffer();
    }

    @Test
    void uint8IsRefusedWhereNormalisationMakesValuesFractional() {
        ImageDataGenerator g = ImageDataGenerator.builder().rescale(1 / 255.0).samplewiseCenter(true).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.flow(IMAGES, LABELS,
                FlowOptions.arrays().output("uint8")));
        assertTrue(e.getMessage().contains("output uint8 holds whole values 0-255, but the generator's rescale and"
                + " samplewiseCenter make the values fractional"), e.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator
                .builder().rescale(1 / 255.0).build().flow(IMAGES, LABELS, FlowOptions.arrays().output("uint8")));
        assertTrue(one.getMessage().contains("but the generator's rescale makes the values fractional"),
                one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FlowOptions.arrays().output("int16"));
    }
}
