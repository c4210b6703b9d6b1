package io.jdatagen.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Large sources are warped in tiles, each from the pairs of its own source region: the same values as untiled. */
class TiledWarpTest {
    private static SourceImage source(int height, int width, int channels, long seed) {
        byte[] bytes = new byte[height * width * channels + 7];
        new SplittableRandom(seed).nextBytes(bytes);
        return SourceImage.ofBytes(bytes, 7, height, width, channels);
    }

    /**
     * Rotation by any angle, zoom 0.4-2.5 (shrinking and enlarging), or one time in four any
     * linear map (shears, reflections, maps that send every output row or column to one source
     * line); shifts past the edges, flips, both orders and fills.
     */
    private static WarpPlan plan(SplittableRandom r, SourceImage src, int outHeight, int outWidth) {
        double theta = r.nextDouble(-Math.PI, Math.PI);
        double zoom = r.nextDouble(0.4, 2.5);
        double ry = (double) src.height() / outHeight;
        double rx = (double) src.width() / outWidth;
        double[] linear = {Math.cos(theta) * zoom, -Math.sin(theta) * zoom, Math.sin(theta) * zoom,
            Math.cos(theta) * zoom};
        if (r.nextInt(4) == 0) {
            for (int k = 0; k < 4; k++) {
                linear[k] = r.nextInt(5) == 0 ? 0 : r.nextDouble(-2, 2);
            }
        }
        double[] m = {linear[0] * ry, linear[1] * rx, r.nextDouble(-40, src.height()), linear[2] * ry,
            linear[3] * rx, r.nextDouble(-40, src.width())};
        return WarpPlan.builder().inverseAffine(m).flips(r.nextBoolean(), r.nextBoolean())
                .interpolation(r.nextBoolean() ? Interpolation.BILINEAR : Interpolation.NEAREST)
                .fill(r.nextBoolean() ? FillMode.NEAREST : FillMode.CONSTANT, 17).build();
    }

    @Test
    void tilesGiveTheUntiledValuesForEveryLayoutAndChannelCount() {
        SplittableRandom r = new SplittableRandom(11);
        int[][] sizes = {{300, 260, 300, 260}, {375, 500, 224, 224}, {200, 330, 131, 77}, {97, 700, 150, 150},
            {150, 1200, 140, 1100}, {600, 90, 700, 80}};
        for (int[] size : sizes) {
            for (int channels : new int[] {1, 3, 4}) {
                SourceImage src = source(size[0], size[1], channels, r.nextLong());
                for (DataFormat format : DataFormat.values()) {
                    for (int k = 0; k < 6; k++) {
                        WarpPlan plan = plan(r, src, size[2], size[3]);
                        int[] shape = format.imageShape(size[2], size[3], channels);
                        Tensor whole = Tensor.zeros(shape);
                        Tensor tiled = Tensor.zeros(shape);
                        PairGatherWarp.run(src, plan, OutputSlot.image(whole, format), false);
                        PairGatherWarp.run(src, plan, OutputSlot.image(tiled, format), true);
                        assertArrayEquals(whole.data(), tiled.data(), plan + " " + format + " " + channels);
                    }
                }
            }
        }
    }

    @Test
    void tilesWriteBufferSlotsAndAgreeWithTheReference() {
        SplittableRandom r = new SplittableRandom(12);
        SourceImage src = source(400, 380, 3, 5);
        for (DataFormat format : DataFormat.values()) {
            WarpPlan plan = plan(r, src, 224, 224);
            int[] image = format.imageShape(224, 224, 3);
            BufferTensor batch = BufferTensor.allocate(ElementType.FLOAT32, 2, image[0], image[1], image[2]);
            PairGatherWarp.run(src, plan, OutputSlot.of(batch, 1, format), true);
            Tensor want = Tensor.zeros(image);
            new ReferenceBackend().warp(src, plan, OutputSlot.image(want, format));
            Tensor got = batch.toTensor().item(1);
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.data()[i], got.data()[i], 2e-3 * 255, "value " + i + " of " + plan);
            }
        }
    }
}
