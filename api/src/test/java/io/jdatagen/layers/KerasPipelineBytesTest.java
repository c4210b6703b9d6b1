package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.io.ByteImage;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link KerasPipeline#apply(List, long, int)}: 8-bit images give the bits of the float32 batch of their values. */
class KerasPipelineBytesTest {
    private static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend(),
            Backends.named("simd"));

    private static List<ByteImage> images(int n, int h, int w, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ByteImage> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[h * w * c];
            r.nextBytes(data);
            images.add(new ByteImage(data, h, w, c));
        }
        return images;
    }

    /** The float32 batch of {@code images}' values in {@code format}. */
    private static Tensor floats(List<ByteImage> images, DataFormat format) {
        ByteImage first = images.get(0);
        int[] shape = format.imageShape(first.height(), first.width(), first.channels());
        Tensor batch = Tensor.zeros(images.size(), shape[0], shape[1], shape[2]);
        float[] d = batch.data();
        int size = batch.itemSize();
        for (int i = 0; i < images.size(); i++) {
            ByteImage image = images.get(i);
            for (int r = 0; r < image.height(); r++) {
                for (int col = 0; col < image.width(); col++) {
                    for (int ch = 0; ch < image.channels(); ch++) {
                        d[i * size + format.offset(image.height(), image.width(), image.channels(), r, col, ch)] =
                                image.get(r, col, ch);
                    }
                }
            }
        }
        return batch;
    }

    /** Stacks: geometric first (the benchmark's, then other fills), a color layer first, and color layers alone. */
    private static List<Supplier<KerasLayer[]>> stacks() {
        return List.of(
                () -> new KerasLayer[] {new RandomFlip(), new RandomRotation(0.1), new RandomZoom(0.1),
                    new RandomTranslation(0.1, 0.1), new RandomContrast(new double[] {0.2}, null, null)},
                () -> new KerasLayer[] {new RandomRotation(new double[] {-0.3, 0.3}, "constant", "bilinear", null, 9,
                        null), new RandomZoom(new double[] {-0.4, 0.3}, null, "nearest", "nearest", null, 0, null)},
                () -> new KerasLayer[] {new RandomTranslation(new double[] {-0.3, 0.3}, new double[] {-0.2, 0.2},
                        "wrap", "bilinear", null, 0, null), new RandomBrightness(new double[] {0.3}, null, null)},
                () -> new KerasLayer[] {new RandomContrast(new double[] {0.5}, null, null), new RandomRotation(0.2),
                    new RandomFlip()},
                () -> new KerasLayer[] {new RandomBrightness(new double[] {0.2}, null, null),
                    new RandomContrast(new double[] {0.4}, null, null)});
    }

    @Test
    void bytesGiveTheBitsOfTheFloatBatchOnEveryBackendModeAndFormat() {
        int checked = 0;
        long seed = 3;
        for (int[] size : new int[][] {{4, 37, 53, 3}, {2, 20, 17, 1}, {3, 16, 33, 4}}) {
            List<ByteImage> images = images(size[0], size[1], size[2], size[3], seed++);
            for (Supplier<KerasLayer[]> stack : stacks()) {
                for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                    for (DataFormat format : DataFormat.values()) {
                        for (Backend backend : BACKENDS) {
                            KerasPipeline pipeline = KerasPipeline.builder().layers(stack.get()).mode(mode)
                                    .dataFormat(format).backend(backend).build();
                            Tensor want = pipeline.apply(floats(images, format), 77, 5);
                            Tensor got = pipeline.apply(images, 77, 5);
                            String what = pipeline + " " + format + " " + backend.name() + " " + Arrays.toString(size);
                            assertArrayEquals(want.shape(), got.shape(), what);
                            assertArrayEquals(want.data(), got.data(), what);
                            assertFalse(Arrays.equals(floats(images, format).data(), got.data()), what);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(3 * 5 * 2 * 2 * 3, checked);
    }

    @Test
    void imageIDrawsFromItsOwnStream() {
        List<ByteImage> images = images(3, 24, 24, 3, 9);
        KerasPipeline pipeline = KerasPipeline.of(new RandomRotation(0.2), new RandomContrast(new double[] {0.3},
                null, null));
        Tensor batch = pipeline.apply(images, 5, 2);
        Tensor alone = pipeline.apply(images.subList(0, 1), 5, 2);
        assertArrayEquals(alone.item(0).data(), batch.item(0).data());
        assertFalse(Arrays.equals(batch.item(0).data(), batch.item(1).data()));
    }

    @Test
    void refusesEmptyListsNullImagesAndBatchLayers() {
        KerasPipeline pipeline = KerasPipeline.of(new RandomFlip());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> pipeline.apply(List.<ByteImage>of(), 1, 0));
        assertTrue(empty.getMessage().contains("at least one image"), empty.getMessage());
        List<ByteImage> withNull = new ArrayList<>(images(2, 4, 4, 3, 1));
        withNull.add(null);
        IllegalArgumentException nulls = assertThrows(IllegalArgumentException.class,
                () -> pipeline.apply(withNull, 1, 0));
        assertTrue(nulls.getMessage().contains("images[2]"), nulls.getMessage());
        KerasPipeline mixing = KerasPipeline.of(new RandomFlip(), new FakeLayers.Reverse());
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> mixing.apply(images(2, 4, 4, 3, 1), 1, 0));
        assertTrue(batch.getMessage().contains("batch layers"), batch.getMessage());
    }
}
