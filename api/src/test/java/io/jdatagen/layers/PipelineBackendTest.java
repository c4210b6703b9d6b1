package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.CountingBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RandAugment and AugMix warp their geometric operations on the backend of the {@link KerasPipeline} that
 * runs them: one warp of one image per geometric operation reaches a counting backend given to the pipeline's
 * builder (which wants whole batches, so the pipeline's own copy into the batch is one batch warp).
 */
class PipelineBackendTest {
    private static final Set<String> GEOMETRIC = Set.of("random_shear", "random_translation", "random_rotation");

    @Test
    void randAugmentWarpsOnThePipelinesBackend() {
        int cases = 0;
        for (JsonNode c : RandAugmentTest.ROOT.get("layers").get("RandAugment").get("cases")) {
            int geometric = 0;
            for (JsonNode i : c.get("layer_idxes")) {
                geometric += GEOMETRIC.contains(RandAugment.OPERATIONS.get(i.asInt())) ? 1 : 0;
            }
            if (geometric == 0) {
                continue;
            }
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                RandAugment layer = RandAugment.fromConfig(GeometricGolden.config(c.get("config")));
                RandAugment.Transformation t = RandAugmentTest.given(c);
                int[] colorOnly = Arrays.stream(t.layerIdxes())
                        .filter(i -> !GEOMETRIC.contains(RandAugment.OPERATIONS.get(i))).toArray();
                assertWarps(c, layer, t, new RandAugment.Transformation(colorOnly, t.transforms()), geometric, mode);
            }
            cases++;
        }
        assertTrue(cases > 0, "some golden case picks a geometric operation");
    }

    @Test
    void augMixWarpsOnThePipelinesBackend() {
        int cases = 0;
        for (JsonNode c : RandAugmentTest.ROOT.get("layers").get("AugMix").get("cases")) {
            int geometric = 0;
            for (JsonNode chain : c.get("chain_transforms")) {
                for (JsonNode op : chain) {
                    geometric += GEOMETRIC.contains(op.get("layer_name").asText()) ? 1 : 0;
                }
            }
            if (geometric == 0) {
                continue;
            }
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                AugMix layer = AugMix.fromConfig(GeometricGolden.config(c.get("config")));
                AugMix.Transformation t = AugMixTest.given(c);
                List<List<AugMix.Operation>> colorOnly = new ArrayList<>();
                for (List<AugMix.Operation> chain : t.chainTransforms()) {
                    colorOnly.add(chain.stream().filter(op -> !GEOMETRIC.contains(op.layerName())).toList());
                }
                assertWarps(c, layer, t, new AugMix.Transformation(t.chainMixingWeights(), t.weightSample(), colorOnly),
                        geometric, mode);
            }
            cases++;
        }
        assertTrue(cases > 0, "some golden case runs a geometric operation");
    }

    /**
     * Runs Keras's transformation of case {@code c} through a one-layer pipeline on a counting backend:
     * Keras's output, and {@code geometric} more batch warps than the same transformation without its
     * geometric operations ({@code colorOnly}) takes.
     */
    private static void assertWarps(JsonNode c, KerasLayer layer, Object transformation, Object colorOnly,
            int geometric, KerasPipeline.Mode mode) {
        CountingBackend counting = new CountingBackend();
        KerasPipeline pipeline = KerasPipeline.builder().layers(layer).mode(mode).backend(counting).build();
        Tensor input = GeometricGolden.tensor(RandAugmentTest.ROOT.get("inputs").get(c.get("input").asText()));
        pipeline.transformGiven(input, Map.of(layer, colorOnly));
        int withoutGeometric = counting.warps + counting.batchWarps;
        Tensor actual = pipeline.transformGiven(input, Map.of(layer, transformation));
        String what = layer.className() + " " + c.get("config") + " in a " + mode + " pipeline";
        assertEquals(geometric, counting.warps + counting.batchWarps - 2 * withoutGeometric,
                what + ": one warp per geometric operation");
        GeometricGolden.assertClose(what, GeometricGolden.tensor(c.get("output")), actual,
                c.get("tolerance") != null ? c.get("tolerance").asDouble() : tolerance(layer, c));
    }

    private static double tolerance(KerasLayer layer, JsonNode c) {
        return RandAugmentTest.ROOT.get("layers").get(layer.className()).get("tolerance").asDouble()
                * (c.get("input").asText().equals("int") ? 255 : 1);
    }
}
