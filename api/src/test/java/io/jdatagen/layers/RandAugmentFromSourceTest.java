package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleBatch;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.SourceImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * RandAugment in a batch, where it reads each sample's source and its last geometric operation warps into the
 * slot ({@code applyFrom}), against the same transformation on a copy of the image in place ({@code apply}),
 * bit for bit: every order of a color and a geometric operation, float and 8-bit sources, both layouts.
 */
class RandAugmentFromSourceTest {
    private static final int H = 9;
    private static final int W = 11;
    private static final int C = 3;

    @Test
    void aBatchFromTheSourcesEqualsEachImageFromACopy() {
        RandAugment layer = new RandAugment(null, 3, new double[] {0.2, 0.9}, null, null);
        SplittableRandom random = new SplittableRandom(5);
        int fromSource = 0;
        boolean[] seen = new boolean[4];
        for (Backend backend : GeometricGolden.BACKENDS) {
            RandAugment on = layer.on(backend);
            for (DataFormat format : DataFormat.values()) {
                for (boolean bytes : new boolean[] {false, true}) {
                    if (bytes && format == DataFormat.CHANNELS_FIRST) {
                        continue;
                    }
                    StepPipeline pipeline = new StepPipeline(List.of(on), LayerSegments.IDENTITY, backend, format,
                            null, null);
                    ImageShape shape = new ImageShape(H, W, C, format);
                    List<SourceImage> sources = new ArrayList<>();
                    List<Tensor> images = new ArrayList<>();
                    Drawn[] given = new Drawn[24];
                    for (int j = 0; j < given.length; j++) {
                        byte[] pixels = new byte[H * W * C];
                        random.nextBytes(pixels);
                        Tensor image = Tensor.zeros(shape.tensorShape());
                        for (int k = 0; k < pixels.length; k++) {
                            image.data()[k] = pixels[k] & 0xFF;
                        }
                        images.add(image);
                        sources.add(bytes ? SourceImage.ofBytes(pixels, 0, H, W, C) : SourceImage.of(image, format));
                        RandAugment.Transformation t = on.draw(shape, random);
                        given[j] = pipeline.given(Map.of(on, t));
                        fromSource += record(t, seen);
                    }
                    int[] image = shape.tensorShape();
                    Tensor batch = Tensor.zeros(given.length, image[0], image[1], image[2]);
                    pipeline.transform(SampleBatch.into(sources, batch, format).build(), given);
                    for (int j = 0; j < given.length; j++) {
                        Tensor expected = pipeline.transformImage(images.get(j), null, given[j]);
                        assertArrayEquals(expected.data(), batch.item(j).data(), "sample " + j + " "
                                + format + (bytes ? " from bytes" : "") + " on " + backend.name());
                    }
                }
            }
        }
        assertTrue(fromSource > 40, "samples with a geometric operation: " + fromSource);
        assertArrayEquals(new boolean[] {true, true, true, true}, seen, "every order");
        assertEquals(List.of("random_shear", "random_translation", "random_rotation"),
                RandAugment.OPERATIONS.subList(0, 3), "operations 0-2 are the geometric ones");
    }

    /**
     * Records which of RandAugment's orders {@code t} has: 0 no geometric operation (the pipeline copies), 1 a
     * geometric one first (it warps from the source), 2 a color one before the last geometric one (the source
     * is copied to the stage), 3 a geometric one before the last one (it warps into the stage).
     */
    private static int record(RandAugment.Transformation t, boolean[] seen) {
        int[] picks = t.layerIdxes();
        int last = -1;
        for (int i = 0; i < picks.length; i++) {
            if (picks[i] <= 2) {
                last = i;
            }
        }
        if (last < 0) {
            seen[0] = true;
            return 0;
        }
        seen[1] |= picks[0] <= 2;
        for (int i = 0; i < last; i++) {
            seen[picks[i] <= 2 ? 3 : 2] = true;
        }
        return 1;
    }
}
