package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.io.ByteImage;
import io.jdatagen.layers.AutoContrast;
import io.jdatagen.layers.Equalization;
import io.jdatagen.layers.KerasLayer;
import io.jdatagen.layers.KerasLayers;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandAugment;
import io.jdatagen.layers.RandomColorDegeneration;
import io.jdatagen.layers.RandomContrast;
import io.jdatagen.layers.RandomSharpness;
import io.jdatagen.layers.Solarization;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keras 3's color layers and RandAugment write the same bits on {@code scalar} and {@code simd}: batches of
 * whole values (8-bit images, as a float batch and as 8-bit sources) and of fractional and signed values, in
 * odd sizes (rows that cross vector lengths with a tail), in both layouts, over several seeds.
 */
class LayersBackendsAgreeTest {
    private static final List<Supplier<KerasLayer>> LAYERS = List.of(
            () -> new RandAugment(null, 3, new double[] {0.1, 0.9}, null, null),
            () -> new RandAugment(new double[] {-1, 1}, 2, null, "nearest", null),
            () -> new AutoContrast(null),
            () -> new AutoContrast(new double[] {-1, 1}),
            Equalization::new,
            () -> new Equalization(List.of(-1, 1), 64),
            () -> new RandomSharpness(new double[] {0.1, 0.9}, null, null),
            () -> new RandomColorDegeneration(new double[] {0.1, 0.9}, null, null),
            () -> new Solarization(new double[] {0.1, 0.5}, new double[] {0.2, 0.8}, null, null),
            () -> new RandomContrast(new double[] {0.5}, null, null));

    @Test
    void colorLayersAndRandAugmentWriteTheSameBitsOnBothCpuBackends() {
        List<String> available = AvailableBackends.all().stream().map(Backend::name).toList();
        Assumptions.assumeTrue(available.contains("simd"), "simd is not available in this JVM: " + available);
        SplittableRandom random = new SplittableRandom(11);
        for (Supplier<KerasLayer> layer : LAYERS) {
            for (DataFormat format : DataFormat.values()) {
                for (int[] size : new int[][] {{1, 1}, {7, 5}, {13, 37}, {31, 24}}) {
                    KerasPipeline scalar = pipeline(layer, format, "scalar");
                    KerasPipeline simd = pipeline(layer, format, "simd");
                    String what = scalar.layers().get(0) + " " + format + " " + size[0] + "x" + size[1];
                    int[] image = format.imageShape(size[0], size[1], 3);
                    Tensor whole = Tensor.zeros(6, image[0], image[1], image[2]);
                    Tensor fractional = Tensor.zeros(6, image[0], image[1], image[2]);
                    for (int k = 0; k < whole.size(); k++) {
                        whole.data()[k] = random.nextInt(256);
                        double scale = random.nextBoolean() ? 255 : 1;
                        fractional.data()[k] = (float) (random.nextDouble(-0.2, 1.2) * scale);
                    }
                    for (long seed = 1; seed <= 3; seed++) {
                        assertArrayEquals(scalar.apply(whole, seed).data(), simd.apply(whole, seed).data(),
                                what + ", whole values, seed " + seed);
                        assertArrayEquals(scalar.apply(fractional, seed).data(), simd.apply(fractional, seed).data(),
                                what + ", fractional values, seed " + seed);
                    }
                    if (format == DataFormat.CHANNELS_LAST) {
                        List<ByteImage> bytes = new ArrayList<>();
                        for (int j = 0; j < 6; j++) {
                            byte[] pixels = new byte[size[0] * size[1] * 3];
                            random.nextBytes(pixels);
                            bytes.add(new ByteImage(pixels, size[0], size[1], 3));
                        }
                        assertArrayEquals(scalar.apply(bytes, 4, 0).data(), simd.apply(bytes, 4, 0).data(),
                                what + ", 8-bit sources");
                    }
                }
            }
        }
    }

    private static KerasPipeline pipeline(Supplier<KerasLayer> layer, DataFormat format, String backend) {
        KerasLayer l = layer.get();
        KerasLayer laid = format == DataFormat.CHANNELS_LAST ? l
                : KerasLayers.fromConfig(l.className(), withFormat(l, format));
        return KerasPipeline.builder().layers(laid).dataFormat(format).backend(Backends.named(backend)).build();
    }

    private static Map<String, Object> withFormat(KerasLayer layer, DataFormat format) {
        Map<String, Object> config = new LinkedHashMap<>(layer.getConfig());
        config.put("data_format", format == DataFormat.CHANNELS_FIRST ? "channels_first" : "channels_last");
        return config;
    }
}
