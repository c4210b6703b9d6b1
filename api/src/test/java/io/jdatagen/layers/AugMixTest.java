package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AugMix against Keras 3.15.1's golden vectors (given chains, weights and magnitudes), its config and draws. */
class AugMixTest {
    private static final JsonNode LAYER = RandAugmentTest.ROOT.get("layers").get("AugMix");

    /** {@return Keras's transformation of one case as this layer's parameters} */
    static AugMix.Transformation given(JsonNode c) {
        JsonNode w = c.get("chain_mixing_weights");
        float[] weights = new float[w.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) w.get(i).asDouble();
        }
        List<List<AugMix.Operation>> chains = new ArrayList<>();
        for (JsonNode chain : c.get("chain_transforms")) {
            List<AugMix.Operation> ops = new ArrayList<>();
            for (JsonNode op : chain) {
                String name = op.get("layer_name").asText();
                ops.add(new AugMix.Operation(name, RandAugmentTest.params(name, op.get("transformation"))));
            }
            chains.add(ops);
        }
        return new AugMix.Transformation(weights, (float) c.get("weight_sample").asDouble(), chains);
    }

    @Test
    void matchesKerasForGivenChainsOnEveryBackend() {
        int compared = 0;
        Set<String> operations = new HashSet<>();
        for (JsonNode c : LAYER.get("cases")) {
            AugMix layer = AugMix.fromConfig(GeometricGolden.config(c.get("config")));
            Tensor input = GeometricGolden.tensor(RandAugmentTest.ROOT.get("inputs").get(c.get("input").asText()));
            Tensor expected = GeometricGolden.tensor(c.get("output"));
            double tolerance = LAYER.get("tolerance").asDouble() * (c.get("input").asText().equals("int") ? 255 : 1);
            for (JsonNode chain : c.get("chain_transforms")) {
                chain.forEach(op -> operations.add(op.get("layer_name").asText()));
            }
            for (Backend b : GeometricGolden.BACKENDS) {
                int[] s = input.shape();
                Tensor image = Tensor.of(input.data().clone(), s);
                Tensor actual = layer.on(b).apply(given(c), image,
                        new ImageShape(s[0], s[1], s[2], DataFormat.CHANNELS_LAST), SampleContext.NONE);
                GeometricGolden.assertClose("AugMix " + c.get("config").get("factor") + " "
                        + c.get("config").get("interpolation") + " " + c.get("input") + " on " + b.name(), expected,
                        actual, tolerance);
                GeometricGolden.assertClose("AugMix leaves its input", input, image, 0);
                compared++;
            }
        }
        assertEquals(24, compared, "12 cases on two backends");
        assertTrue(operations.size() >= 8, "the cases run most operations: " + operations);
    }

    @Test
    void configRoundTripsAndDefaultsAreKeras() {
        for (JsonNode c : LAYER.get("cases")) {
            Map<String, Object> config = GeometricGolden.config(c.get("config"));
            assertEquals(config, KerasLayers.fromConfig("AugMix", config).getConfig());
        }
        Map<String, Object> config = new AugMix(null, 3, 3, null, 1.0, true, null, null).getConfig();
        assertEquals(List.of("name", "trainable", "dtype", "data_format", "value_range", "num_chains",
                "chain_depth", "factor", "alpha", "all_ops", "interpolation", "seed"), new ArrayList<>(config.keySet()));
        assertEquals("aug_mix", config.get("name"));
        assertEquals(List.of(0, 0.3), config.get("factor"));
        assertEquals(1.0, config.get("alpha"));
    }

    @Test
    void refusesWhatCannotRun() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AugMix(null, 3, 3, new double[] {2}, 1.0, true, null, null));
        assertTrue(e.getMessage().contains("The `factor` argument should be a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AugMix(null, 0, 3, null, 1.0, true, null, null));
        assertTrue(e.getMessage().contains("num_chains"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AugMix(null, 3, -1, null, 1.0, true, null, null));
        assertTrue(e.getMessage().contains("chain_depth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AugMix(null, 3, 3, null, 0, true, null, null));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new AugMix(null, 3, 3, null, 1.0, true, "bicubic", null));
        assertTrue(e.getMessage().contains("bicubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AugMix.fromConfig(Map.of("all_ops", "yes")));
        assertTrue(e.getMessage().contains("all_ops"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AugMix.fromConfig(Map.of("fill_mode", "reflect")));
        assertTrue(e.getMessage().contains("fill_mode"), e.getMessage());
    }

    @Test
    void withoutAllOpsOnlyTheSevenOthersArePicked() {
        AugMix layer = new AugMix(null, 3, 3, null, 1.0, false, null, null);
        ImageShape shape = new ImageShape(6, 6, 3, DataFormat.CHANNELS_LAST);
        SplittableRandom rng = new SplittableRandom(4);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 500; n++) {
            layer.draw(shape, rng).chainTransforms().forEach(chain -> chain.forEach(op -> seen.add(op.layerName())));
        }
        assertEquals(Set.copyOf(AugMix.OPERATIONS.subList(0, 7)), seen);
    }

    @Test
    void drawsAsKeras() {
        JsonNode d = LAYER.get("distribution");
        AugMix layer = AugMix.fromConfig(GeometricGolden.config(d.get("config")));
        ImageShape shape = new ImageShape(10, 12, 3, DataFormat.CHANNELS_LAST);
        int n = d.get("first_chain_weight").size();
        double[] weights = new double[n];
        double[] samples = new double[n];
        List<Double> lengths = new ArrayList<>();
        List<Double> ops = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(21);
        for (int i = 0; i < n; i++) {
            AugMix.Transformation t = layer.draw(shape, rng);
            weights[i] = t.chainMixingWeights()[0];
            samples[i] = t.weightSample();
            float sum = 0;
            for (float w : t.chainMixingWeights()) {
                sum += w;
            }
            assertEquals(1, sum, 1e-5, "the chain weights sum to 1");
            for (List<AugMix.Operation> chain : t.chainTransforms()) {
                lengths.add((double) chain.size());
                chain.forEach(op -> ops.add((double) AugMix.OPERATIONS.indexOf(op.layerName())));
            }
        }
        TwoSample.assertSameDistribution("first_chain_weight", weights,
                GeometricGolden.doubles(d.get("first_chain_weight")));
        TwoSample.assertSameDistribution("weight_sample", samples, GeometricGolden.doubles(d.get("weight_sample")));
        TwoSample.assertSameDistribution("chain_lengths", lengths.subList(0, n).stream().mapToDouble(x -> x).toArray(),
                GeometricGolden.doubles(d.get("chain_lengths")));
        TwoSample.assertSameDistribution("operations", ops.subList(0, n).stream().mapToDouble(x -> x).toArray(),
                GeometricGolden.doubles(d.get("operations")));
    }
}
