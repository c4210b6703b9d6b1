package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** MixUp against Keras 3.15.1: given Keras's weights and permutation, images and labels equal Keras's. */
class MixUpTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("MixUp");

    @Test
    void imagesAndLabelsEqualKerasForKerasTransformation() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int checked = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            MixUp layer = MixUp.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            JsonNode t = c.get("transformation");
            MixUp.Mixing mixing = new MixUp.Mixing(BatchGolden.floats(t.get("mix_weight")),
                    BatchGolden.ints(t.get("permutation_order")));
            Tensor images = BatchGolden.tensor(c.get("images"));
            Batch batch = Batch.of(images, BatchGolden.tensor(c.get("labels")),
                    IntStream.range(0, images.dim(0)).toArray());
            Batch out = layer.apply(mixing, batch);
            String what = "MixUp " + config + " " + c.get("kind").asText();
            BatchGolden.assertClose(what + " images", BatchGolden.tensor(c.get("output_images")), out.xTensor(),
                    tolerance * BatchGolden.range(c));
            BatchGolden.assertClose(what + " labels", BatchGolden.tensor(c.get("output_labels")), out.y(),
                    tolerance);
            assertEquals(batch.indices().length, out.indices().length);
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void weightsAndPermutationsFollowKerasDistributions() {
        JsonNode d = GOLDEN.get("distribution");
        int n = d.get("mix_weight").size();
        MixUp.Mixing ours = new MixUp(d.get("alpha").asDouble()).draw(n, new SplittableRandom(5));
        double[] weights = IntStream.range(0, n).mapToDouble(i -> ours.mixWeight()[i]).toArray();
        TwoSample.assertSameDistribution("MixUp mix_weight", weights, BatchGolden.doubles(d.get("mix_weight")));
        double[] displacement = IntStream.range(0, n).mapToDouble(i -> ours.permutationOrder()[i] - i).toArray();
        TwoSample.assertSameDistribution("MixUp permutation displacement", displacement,
                BatchGolden.doubles(d.get("permutation_displacement")));
        assertEquals(n, IntStream.of(ours.permutationOrder()).distinct().count(), "a permutation");
    }

    @Test
    void aBatchWithoutLabelsHasItsImagesMixed() {
        Tensor x = Tensor.of(new float[] {0, 0, 10, 10}, 2, 1, 1, 2);
        Batch out = new MixUp().apply(new MixUp.Mixing(new float[] {0.25f, 1f}, new int[] {1, 0}),
                Batch.of(x, null, new int[] {0, 1}));
        assertEquals(Tensor.of(new float[] {7.5f, 7.5f, 10, 10}, 2, 1, 1, 2), out.xTensor());
        assertTrue(!out.hasTargets());
    }

    @Test
    void theRegistryBuildsItAndUnknownOrInvalidArgumentsAreRefused() {
        Map<String, Object> config = new LinkedHashMap<>(new MixUp(0.4).getConfig());
        KerasLayer layer = KerasLayers.fromConfig("MixUp", config);
        assertInstanceOf(MixUp.class, layer);
        assertSame(layer, layer.step());
        assertEquals(config, layer.getConfig());
        assertEquals(0.2, MixUp.fromConfig(Map.of()).getConfig().get("alpha"));
        config.put("beta", 1);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MixUp.fromConfig(config));
        assertTrue(unknown.getMessage().contains("'beta'"), unknown.getMessage());
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class, () -> new MixUp(0));
        assertTrue(alpha.getMessage().contains("alpha"), alpha.getMessage());
    }
}
