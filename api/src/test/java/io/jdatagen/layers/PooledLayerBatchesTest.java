package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.io.ByteImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A batch a pipeline hands out and its holder releases is lent to the next call's batch, and the batches
 * between a pipeline's segments are lent from segment to segment: each case poisons the released array
 * with NaN and compares every later batch with each image through {@link KerasPipeline#transformImage},
 * which takes no batch memory from the pool.
 */
class PooledLayerBatchesTest {
    private static final Tensor IMAGES = images(4, 12, 14, 3);

    private static List<KerasPipeline> pipelines() {
        return List.of(
                KerasPipeline.of(new RandomFlip(), new RandomRotation(0.2), new RandomZoom(0.2), new RandomTranslation(
                        0.1, 0.1), new RandomContrast(new double[] {0.2}, null, null)),
                KerasPipeline.builder().layers(new RandomRotation(0.2), new RandomContrast(new double[] {0.3}, null,
                        null), new RandomZoom(0.3), new RandomShear(0.2, 0.1)).mode(KerasPipeline.Mode.KERAS_REFERENCE)
                        .build(),
                KerasPipeline.of(new RandomCrop(8, 9, null), new RandomZoom(0.2), new Resizing(7, 5)),
                KerasPipeline.of(new RandAugment(new double[] {0, 255}, 2, new double[] {0.5}, "bilinear", null)));
    }

    @Test
    void aReleasedBatchIsLentToTheNextCallWhichWritesEveryElement() {
        for (KerasPipeline p : pipelines()) {
            Tensor previous = null;
            for (int epoch = 0; epoch < 4; epoch++) {
                float[] released = null;
                if (previous != null) {
                    released = previous.data();
                    Arrays.fill(released, Float.NaN);
                    previous.release();
                }
                Tensor out = epoch % 2 == 0 ? p.apply(IMAGES, 5, epoch) : p.apply(bytes(IMAGES), 5, epoch);
                if (released != null && p.mode() == KerasPipeline.Mode.FUSED) {
                    // (With several segments the first batch between them gets it: the next segment reads it.)
                    assertSame(released, out.data(), p + ": the released array is lent again");
                }
                assertArrayEquals(oneByOne(p, epoch), out.data(), p + ", epoch " + epoch);
                previous = out;
            }
        }
    }

    @Test
    void batchesKeptUnreleasedKeepTheirValues() {
        for (KerasPipeline p : pipelines()) {
            Tensor first = p.apply(IMAGES, 5, 0);
            float[] kept = first.data().clone();
            Tensor second = p.apply(IMAGES, 5, 1);
            second.release();
            Tensor third = p.apply(IMAGES, 5, 2);
            assertNotSame(first.data(), second.data(), p.toString());
            assertNotSame(first.data(), third.data(), p.toString());
            assertArrayEquals(kept, first.data(), p + ": an unreleased batch is not written again");
            assertArrayEquals(oneByOne(p, 2), third.data(), p.toString());
        }
    }

    @Test
    void aSingleImageComesOutEqualCallAfterCall() {
        for (KerasPipeline p : pipelines()) {
            Tensor image = IMAGES.item(1);
            for (int epoch = 0; epoch < 3; epoch++) {
                Tensor out = p.apply(image, 9, epoch);
                assertArrayEquals(p.transformImage(image, RandomKeys.forSample(9, epoch, 0)).data(), out.data(),
                        p + ", epoch " + epoch);
            }
        }
    }

    /** Each image of {@link #IMAGES} through {@link KerasPipeline#transformImage}, as slot {@code i} draws. */
    private static float[] oneByOne(KerasPipeline p, int epoch) {
        List<float[]> items = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < IMAGES.dim(0); i++) {
            float[] item = p.transformImage(IMAGES.item(i), RandomKeys.forSample(5, epoch, i)).data();
            items.add(item);
            size += item.length;
        }
        float[] all = new float[size];
        int at = 0;
        for (float[] item : items) {
            System.arraycopy(item, 0, all, at, item.length);
            at += item.length;
        }
        return all;
    }

    private static List<ByteImage> bytes(Tensor images) {
        List<ByteImage> list = new ArrayList<>();
        int item = images.itemSize();
        for (int i = 0; i < images.dim(0); i++) {
            byte[] b = new byte[item];
            for (int k = 0; k < item; k++) {
                b[k] = (byte) images.data()[i * item + k];
            }
            list.add(new ByteImage(b, images.dim(1), images.dim(2), images.dim(3)));
        }
        return list;
    }

    private static Tensor images(int n, int h, int w, int c) {
        SplittableRandom random = new SplittableRandom(17);
        float[] data = new float[n * h * w * c];
        for (int k = 0; k < data.length; k++) {
            data[k] = random.nextInt(256);
        }
        return Tensor.of(data, n, h, w, c);
    }
}
