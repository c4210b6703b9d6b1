package io.jdatagen.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.ArrayFlowOptions;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.flow.PairFlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.Availability;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A flow on the aparapi backend: a batch of 16 is one verified OpenCL launch and equals the same
 * flow on the reference backend. Skipped where there is no OpenCL device, except when
 * {@code JDATAGEN_REQUIRE_OPENCL=1} (CI installs PoCL and sets it), where that fails the build.
 */
class AparapiFlowTest {
    private static AparapiBackend backendOrSkip() {
        AparapiBackendProvider provider = new AparapiBackendProvider();
        Availability a = provider.probe();
        if (!a.available() && "1".equals(System.getenv("JDATAGEN_REQUIRE_OPENCL"))) {
            throw new AssertionError("JDATAGEN_REQUIRE_OPENCL=1 but the aparapi backend is unavailable: "
                    + a.reason());
        }
        Assumptions.assumeTrue(a.available(), "no OpenCL device here: " + a.reason());
        return (AparapiBackend) provider.create();
    }

    @Test
    void aFlowBatchOfSixteenIsOneLaunch() {
        AparapiBackend backend = backendOrSkip();
        Tensor x = Tensor.zeros(16, 24, 20, 3);
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = (float) r.nextDouble(0, 255);
        }
        ArrayFlowOptions options = FlowOptions.arrays().batchSize(16).seed(12);
        ImageDataGenerator onGpu = ImageDataGenerator.builder().rotationRange(25).zoomRange(0.15)
                .horizontalFlip(true).rescale(1 / 255.0).backend(backend).build();
        ImageDataGenerator onReference = onGpu.toBuilder().backend(new ReferenceBackend()).build();
        long before = backend.launches();
        Batch got = onGpu.flow(x, null, options).get(0);
        assertEquals(before + 1, backend.launches(), "one OpenCL launch for the batch of 16");
        Batch want = onReference.flow(x, null, options).get(0);
        assertArrayEquals(want.x().shape(), got.x().shape());
        int close = 0;
        for (int k = 0; k < want.x().size(); k++) {
            close += Math.abs(got.xTensor().data()[k] - want.xTensor().data()[k]) <= 2e-4 ? 1 : 0;
        }
        assertTrue(close > 0.995 * want.x().size(), "agreement with the reference: " + close);
    }

    /**
     * A generator resize with masks: the images' resize and warp are one launch (the
     * resize is the first stage of each plan), the masks' nearest resize and warp another.
     */
    @Test
    void aFlowBatchWithAResizeAndMasksIsOneLaunchForImagesAndOneForMasks() {
        AparapiBackend backend = backendOrSkip();
        Tensor x = Tensor.zeros(16, 24, 20, 3);
        Tensor masks = Tensor.zeros(16, 24, 20, 1);
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = (float) r.nextDouble(0, 255);
        }
        for (int k = 0; k < masks.size(); k++) {
            masks.data()[k] = r.nextInt(5);
        }
        PairFlowOptions options = FlowOptions.pairs().batchSize(16).seed(3);
        ImageDataGenerator onGpu = ImageDataGenerator.builder().resize(18, 16).rotationRange(20).horizontalFlip(true)
                .backend(backend).build();
        ImageDataGenerator onReference = onGpu.toBuilder().backend(new ReferenceBackend()).build();
        long before = backend.launches();
        Batch got = onGpu.flowPairs(x, masks, options).get(0);
        assertEquals(before + 2, backend.launches(), "one OpenCL launch for the images, one for the masks");
        Batch want = onReference.flowPairs(x, masks, options).get(0);
        assertArrayEquals(new int[] {16, 18, 16, 3}, got.x().shape());
        assertArrayEquals(want.y().shape(), got.y().shape());
        int close = 0;
        for (int k = 0; k < want.x().size(); k++) {
            close += Math.abs(got.xTensor().data()[k] - want.xTensor().data()[k]) <= 2e-4 * 255 ? 1 : 0;
        }
        assertTrue(close > 0.995 * want.x().size(), "images agree with the reference: " + close);
        int same = 0;
        for (int k = 0; k < want.y().size(); k++) {
            same += got.y().data()[k] == want.y().data()[k] ? 1 : 0;
        }
        assertTrue(same > 0.99 * want.y().size(), "mask labels agree with the reference: " + same);
    }
}
