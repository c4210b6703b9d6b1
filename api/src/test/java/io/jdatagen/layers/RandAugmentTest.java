package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandAugment against Keras 3.15.1's golden vectors (given operations and magnitudes), its config and draws. */
class RandAugmentTest {
    static final JsonNode ROOT = load();
    private static final JsonNode LAYER = ROOT.get("layers").get("RandAugment");

    private static JsonNode load() {
        try (InputStream in = RandAugmentTest.class.getResourceAsStream("golden/augment.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float first(JsonNode transform, String key) {
        return (float) transform.get(key).get(0).asDouble();
    }

    /** {@return Keras's transformation {@code t} of the operation Keras names {@code name} as its step takes it} */
    static Object params(String name, JsonNode t) {
        return switch (name) {
            case "random_shear" -> RandomShear.given(t.get("shear_factor").get(0).asDouble(),
                    t.get("shear_factor").get(1).asDouble());
            case "random_translation" -> RandomTranslation.given(t.get("translations").get(0).asDouble(),
                    t.get("translations").get(1).asDouble());
            case "random_rotation" -> RandomRotation.given(t.get("angle").get(0).asDouble());
            case "random_brightness" -> first(t, "rgb_delta");
            case "random_color_degeneration", "random_sharpness" -> first(t, "factor");
            case "random_contrast" -> first(t, "contrast_factor");
            case "random_posterization" -> (int) first(t, "shift_factor");
            case "solarization" -> new Solarization.Transformation(first(t, "additions"), first(t, "thresholds"));
            case "auto_contrast", "equalization" -> Boolean.TRUE;
            default -> throw new AssertionError("unknown operation " + name);
        };
    }

    /** {@return Keras's transformation of one case as this layer's parameters} */
    static RandAugment.Transformation given(JsonNode c) {
        JsonNode idx = c.get("layer_idxes");
        int[] picks = new int[idx.size()];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = idx.get(i).asInt();
        }
        Object[] transforms = new Object[RandAugment.OPERATIONS.size()];
        for (int op : picks) {
            JsonNode t = c.get("transforms").get(RandAugment.OPERATIONS.get(op));
            transforms[op] = params(RandAugment.OPERATIONS.get(op), t);
        }
        return new RandAugment.Transformation(picks, transforms);
    }

    @Test
    void matchesKerasForGivenOperationsOnEveryBackend() {
        int compared = 0;
        for (JsonNode c : LAYER.get("cases")) {
            RandAugment layer = RandAugment.fromConfig(GeometricGolden.config(c.get("config")));
            Tensor input = GeometricGolden.tensor(ROOT.get("inputs").get(c.get("input").asText()));
            Tensor expected = GeometricGolden.tensor(c.get("output"));
            double tolerance = LAYER.get("tolerance").asDouble() * (c.get("input").asText().equals("int") ? 255 : 1);
            for (Backend b : GeometricGolden.BACKENDS) {
                int[] s = input.shape();
                Tensor actual = layer.on(b).apply(given(c), Tensor.of(input.data().clone(), s),
                        new ImageShape(s[0], s[1], s[2], DataFormat.CHANNELS_LAST), SampleContext.NONE);
                GeometricGolden.assertClose("RandAugment " + c.get("config").get("factor") + " "
                        + c.get("config").get("interpolation") + " " + c.get("layer_idxes") + " " + c.get("input")
                        + " on " + b.name(), expected, actual, tolerance);
                compared++;
            }
        }
        assertEquals(80, compared, "40 cases on two backends");
    }

    @Test
    void runsInAPipelineInBothModesAsKerasDoes() {
        JsonNode c = LAYER.get("cases").get(0);
        Tensor input = GeometricGolden.tensor(ROOT.get("inputs").get(c.get("input").asText()));
        Tensor expected = GeometricGolden.tensor(c.get("output"));
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            RandAugment layer = RandAugment.fromConfig(GeometricGolden.config(c.get("config")));
            KerasPipeline pipeline = KerasPipeline.builder().layers(layer).mode(mode).build();
            GeometricGolden.assertClose("RandAugment in a " + mode + " pipeline", expected,
                    pipeline.transformGiven(input, Map.of(layer, given(c))), LAYER.get("tolerance").asDouble() * 255);
            Tensor batch = Tensor.of(tile(input, 4), 4, input.dim(0), input.dim(1), input.dim(2));
            Tensor once = pipeline.apply(batch, 9);
            assertArrayEquals(batch.shape(), once.shape());
            assertArrayEquals(once.data(), pipeline.apply(batch, 9).data(), mode + ": same seed, same batch");
            assertTrue(!Arrays.equals(once.data(), batch.data()), mode + ": RandAugment changes the images");
        }
    }

    private static float[] tile(Tensor image, int copies) {
        float[] d = image.data();
        float[] out = new float[d.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(d, 0, out, i * d.length, d.length);
        }
        return out;
    }

    @Test
    void everyOperationIsCoveredByTheGoldens() {
        boolean[] seen = new boolean[RandAugment.OPERATIONS.size()];
        for (JsonNode c : LAYER.get("cases")) {
            for (JsonNode i : c.get("layer_idxes")) {
                seen[i.asInt()] = true;
            }
        }
        boolean[] all = new boolean[seen.length];
        Arrays.fill(all, true);
        assertArrayEquals(all, seen);
    }

    @Test
    void configRoundTripsAndDefaultsAreKeras() {
        for (JsonNode c : LAYER.get("cases")) {
            Map<String, Object> config = GeometricGolden.config(c.get("config"));
            assertEquals(config, KerasLayers.fromConfig("RandAugment", config).getConfig());
        }
        RandAugment d = new RandAugment(null, 2, null, null, null);
        Map<String, Object> config = d.getConfig();
        assertEquals("rand_augment", config.get("name"));
        assertEquals(List.of(0, 255), config.get("value_range"));
        assertEquals(2, config.get("num_ops"));
        assertEquals(List.of(0, 0.5), config.get("factor"));
        assertEquals("bilinear", config.get("interpolation"));
        assertEquals(List.of("name", "trainable", "dtype", "data_format", "value_range", "num_ops", "factor",
                "interpolation", "seed"), new ArrayList<>(config.keySet()));
        assertSame(d, d.step());
    }

    @Test
    void refusesWhatKerasRefuses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandAugment(null, 2, new double[] {1.5}, null, null));
        assertTrue(e.getMessage().contains("The `factor` argument should be a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandAugment(null, 2, null, "bicubic", null));
        assertTrue(e.getMessage().contains("bicubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RandAugment(null, -1, null, null, null));
        assertTrue(e.getMessage().contains("num_ops"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RandAugment.fromConfig(Map.of("num_ops", 2, "fill_mode", "reflect")));
        assertTrue(e.getMessage().contains("fill_mode"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RandAugment.fromConfig(Map.of("num_ops", 1.5)));
        assertTrue(e.getMessage().contains("num_ops"), e.getMessage());
    }

    @Test
    void anOperationPickedTwiceRunsItsOneMagnitudeTwice() {
        RandAugment layer = new RandAugment(null, 2, new double[] {0.5}, null, null);
        ImageShape shape = new ImageShape(4, 5, 3, DataFormat.CHANNELS_LAST);
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            RandAugment.Transformation t = layer.draw(shape, rng);
            for (int op = 0; op < t.transforms().length; op++) {
                final int k = op;
                boolean picked = Arrays.stream(t.layerIdxes()).anyMatch(i -> i == k);
                assertEquals(picked, t.transforms()[op] != null, "operation " + op + " of " + Arrays.toString(
                        t.layerIdxes()));
            }
        }
        Tensor x = Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 1, 2, 3);
        ImageShape small = new ImageShape(1, 2, 3, DataFormat.CHANNELS_LAST);
        Object[] transforms = new Object[11];
        transforms[3] = 7f;
        Tensor twice = layer.apply(new RandAugment.Transformation(new int[] {3, 3}, transforms),
                Tensor.of(x.data().clone(), x.shape()), small, SampleContext.NONE);
        assertArrayEquals(new float[] {24, 34, 44, 54, 64, 74}, twice.data());
    }

    @Test
    void drawsAsKeras() {
        JsonNode d = LAYER.get("distribution");
        RandAugment layer = RandAugment.fromConfig(GeometricGolden.config(d.get("config")));
        ImageShape shape = new ImageShape(d.get("image").get(0).asInt(), d.get("image").get(1).asInt(), 3,
                DataFormat.CHANNELS_LAST);
        JsonNode draws = d.get("draws");
        int n = draws.get("angle").size();
        double[] idx = new double[d.get("layer_idxes").size()];
        List<String> keys = List.of("shear_x", "shear_y", "translate_width", "translate_height", "angle", "rgb_delta",
                "degeneration", "contrast_factor", "sharpness", "shift_factor", "additions", "thresholds");
        double[][] ours = new double[keys.size()][n];
        int[] filled = new int[keys.size()];
        SplittableRandom rng = new SplittableRandom(32);
        int k = 0;
        while (k < idx.length || Arrays.stream(filled).anyMatch(f -> f < n)) {
            RandAugment.Transformation t = layer.draw(shape, rng);
            for (int i : t.layerIdxes()) {
                if (k < idx.length) {
                    idx[k++] = i;
                }
            }
            Object[] p = t.transforms();
            record(ours, filled, 0, p[0] == null ? null : new double[] {((double[]) p[0])[0], ((double[]) p[0])[1]});
            record(ours, filled, 2, p[1] == null ? null : new double[] {((double[]) p[1])[0], ((double[]) p[1])[1]});
            record(ours, filled, 4, p[2] == null ? null : new double[] {(Double) p[2]});
            for (int op = 3; op <= 7; op++) {
                record(ours, filled, op + 2, p[op] == null ? null : new double[] {((Number) p[op]).doubleValue()});
            }
            record(ours, filled, 10, p[8] == null ? null : new double[] {((Solarization.Transformation) p[8]).additions(),
                ((Solarization.Transformation) p[8]).thresholds()});
        }
        TwoSample.assertSameDistribution("layer_idxes", idx, GeometricGolden.doubles(d.get("layer_idxes")));
        for (int j = 0; j < keys.size(); j++) {
            TwoSample.assertSameDistribution(keys.get(j), ours[j], GeometricGolden.doubles(draws.get(keys.get(j))));
        }
    }

    /** Appends {@code values} to the samples from {@code from} on, each while it still has room. */
    private static void record(double[][] samples, int[] filled, int from, double[] values) {
        if (values == null) {
            return;
        }
        for (int v = 0; v < values.length; v++) {
            int j = from + v;
            if (filled[j] < samples[j].length) {
                samples[j][filled[j]++] = values[v];
            }
        }
    }
}
