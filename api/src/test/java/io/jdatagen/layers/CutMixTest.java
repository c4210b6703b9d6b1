package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** CutMix against Keras 3.15.1: given Keras's boxes and permutation, masks, images and labels equal Keras's. */
class CutMixTest {
    private static final JsonNode GOLDEN = BatchGolden.layer("CutMix");

    @Test
    void imagesAndLabelsEqualKerasForKerasTransformation() {
        double tolerance = GOLDEN.get("tolerance").asDouble();
        int checked = 0;
        for (JsonNode c : GOLDEN.get("cases")) {
            Map<String, Object> config = BatchGolden.config(c);
            CutMix layer = CutMix.fromConfig(config);
            assertEquals(config, layer.getConfig(), "the config round trip");
            JsonNode t = c.get("transformation");
            CutMix.Boxes boxes = new CutMix.Boxes(BatchGolden.floats(t.get("x0")), BatchGolden.floats(t.get("x1")),
                    BatchGolden.floats(t.get("y0")), BatchGolden.floats(t.get("y1")),
                    BatchGolden.ints(t.get("permutation_order")));
            Tensor images = BatchGolden.tensor(c.get("images"));
            boolean last = "channels_last".equals(config.get("data_format"));
            int height = images.dim(last ? 1 : 2);
            int width = images.dim(last ? 2 : 3);
            String what = "CutMix " + config + " " + c.get("kind").asText();
            assertArrayEquals(BatchGolden.floats(t.get("mix_weight")), CutMix.mixWeights(boxes, height, width),
                    what + " mix_weight");
            Batch out = layer.apply(boxes, Batch.of(images, BatchGolden.tensor(c.get("labels")),
                    IntStream.range(0, images.dim(0)).toArray()));
            BatchGolden.assertClose(what + " images", BatchGolden.tensor(c.get("output_images")), out.xTensor(),
                    tolerance * BatchGolden.range(c));
            BatchGolden.assertClose(what + " labels", BatchGolden.tensor(c.get("output_labels")), out.y(),
                    tolerance);
            assertMasksAreKeras(boxes, BatchGolden.tensor(t.get("batch_masks")), last);
            checked++;
        }
        assertEquals(3, checked);
    }

    /** The pixels the boxes cover are exactly Keras's {@code batch_masks}. */
    private static void assertMasksAreKeras(CutMix.Boxes boxes, Tensor masks, boolean channelsLast) {
        int n = masks.dim(0);
        int height = masks.dim(channelsLast ? 1 : 2);
        int width = masks.dim(channelsLast ? 2 : 3);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    boolean in = c >= boxes.x0()[i] && c < boxes.x1()[i] && r >= boxes.y0()[i] && r < boxes.y1()[i];
                    float keras = channelsLast ? masks.get(i, r, c, 0) : masks.get(i, 0, r, c);
                    assertEquals(in ? 1f : 0f, keras, "mask of sample " + i + " at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void boxesAndWeightsFollowKerasDistributions() {
        JsonNode d = GOLDEN.get("distribution");
        int n = d.get("mix_weight").size();
        int height = d.get("height").asInt();
        int width = d.get("width").asInt();
        CutMix layer = CutMix.fromConfig(Map.of("factor", List.of(0, 1.0)));
        SplittableRandom rng = new SplittableRandom(9);
        double[] weights = new double[n];
        double[] x0 = new double[n];
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            CutMix.Boxes b = layer.draw(1, rng).boxes(height, width);
            weights[i] = CutMix.mixWeights(b, height, width)[0];
            x0[i] = b.x0()[0];
            y0[i] = b.y0()[0];
        }
        TwoSample.assertSameDistribution("CutMix mix_weight", weights, BatchGolden.doubles(d.get("mix_weight")));
        TwoSample.assertSameDistribution("CutMix x0", x0, BatchGolden.doubles(d.get("x0")));
        TwoSample.assertSameDistribution("CutMix y0", y0, BatchGolden.doubles(d.get("y0")));
    }

    @Test
    void aDrawnCutPastesTheOtherImageInsideTheBoxOnly() {
        CutMix layer = new CutMix(1.0, DataFormat.CHANNELS_FIRST);
        Tensor x = Tensor.of(new float[2 * 2 * 5 * 6], 2, 2, 5, 6);
        for (int k = 60; k < 120; k++) {
            x.data()[k] = 1;
        }
        CutMix.Cut cut = new CutMix.Cut(new float[] {0.5f, 0.5f}, new float[] {0.5f, 0f}, new float[] {0f, 1f},
                new int[] {1, 0});
        Batch out = layer.apply(cut, Batch.of(x, Tensor.of(new float[] {1, 0, 0, 1}, 2, 2), new int[] {0, 1}));
        // sample 0: a 2.5 x 3 box at columns [1.5, 4.5), rows [0, 2.5): columns 2..4, rows 0..2
        for (int ch = 0; ch < 2; ch++) {
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 6; c++) {
                    boolean in = r <= 2 && c >= 2 && c <= 4;
                    assertEquals(in ? 1f : 0f, out.xTensor().get(0, ch, r, c), "sample 0 at " + ch + "," + r + "," + c);
                }
            }
        }
        float w = 1f - 3f * 2.5f / 30f;
        assertArrayEquals(new float[] {w, 1 - w}, new float[] {out.y().get(0, 0), out.y().get(0, 1)}, 1e-6f);
    }

    @Test
    void kerasValidationAndTheRegistry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CutMix.fromConfig(Map.of("factor", 1.5)));
        assertEquals("The `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. "
                + "Received: factor=1.5", e.getMessage());
        assertEquals(List.of(0, 1.0), new CutMix().getConfig().get("factor"));
        assertEquals(List.of(0.2, 0.7),
                CutMix.fromConfig(Map.of("factor", List.of(0.7, 0.2))).getConfig().get("factor"));
        assertInstanceOf(CutMix.class, KerasLayers.fromConfig("CutMix", new CutMix().getConfig()));
        assertThrows(IllegalArgumentException.class, () -> CutMix.fromConfig(Map.of("data_format", "nhwc")));
        assertEquals("channels_first", CutMix.fromConfig(Map.of("data_format", "Channels_First")).getConfig()
                .get("data_format"), "Keras lowers data_format (standardize_data_format)");
    }
}
