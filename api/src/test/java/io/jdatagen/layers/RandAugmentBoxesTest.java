package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * RandAugment with bounding boxes: its {@code transform_bounding_boxes} against Keras 3.15.1's for given picks and
 * draws ({@code golden/points.json}, section {@code rand_augment_boxes}, from
 * {@code property-tests/scripts/keras3_golden_points.py}), the pipeline moving each sample's boxes by the sample's
 * own picks, and the refusals that remain: keypoints through RandAugment, anything through AugMix.
 */
class RandAugmentBoxesTest {
    private static final int N = 24;

    private static JsonNode golden() {
        try (InputStream in = RandAugmentBoxesTest.class.getResourceAsStream("golden/points.json")) {
            return new ObjectMapper().readTree(in).get("rand_augment_boxes");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void movesBoxesAsKerasForGivenPicksAndDraws() {
        JsonNode golden = golden();
        double tolerance = golden.get("tolerance").asDouble();
        assertTrue(golden.get("why").asText().length() > 10, "states why");
        int n = 0;
        for (JsonNode c : golden.get("cases")) {
            Map<String, Object> keras = new ObjectMapper().convertValue(c.get("config"), Map.class);
            RandAugment layer = RandAugment.fromConfig(keras);
            assertEquals(keras, layer.getConfig(), "RandAugment writes Keras's config back, bounding_box_format"
                    + " included");
            int[] picks = BatchGolden.ints(c.get("layer_idxes"));
            Object[] transforms = new Object[RandAugment.OPERATIONS.size()];
            JsonNode t = c.get("transforms");
            transforms[0] = RandomShear.given(t.get("random_shear").get("shear_factor").get(0).asDouble(),
                    t.get("random_shear").get("shear_factor").get(1).asDouble());
            transforms[1] = RandomTranslation.given(t.get("random_translation").get("translations").get(0).asDouble(),
                    t.get("random_translation").get("translations").get(1).asDouble());
            transforms[2] = RandomRotation.given(t.get("random_rotation").get("angle").asDouble());
            BoxFormat format = BoxFormat.fromKerasName(c.get("format").asText());
            ImageShape image = new ImageShape(c.get("image").get(0).asInt(), c.get("image").get(1).asInt(), 3,
                    DataFormat.CHANNELS_LAST);
            BoundingBoxes in = BoundingBoxes.of(format, BoxesGoldenTest.matrix(c.get("boxes")),
                    BatchGolden.ints(c.get("labels")));
            BoundingBoxes out = layer.transformBoundingBoxes(in, new RandAugment.Transformation(picks, transforms),
                    image);
            String what = "RandAugment picks " + c.get("layer_idxes") + " " + format;
            assertEquals(format, out.format(), what);
            BoxesGoldenTest.assertClose(what, BoxesGoldenTest.matrix(c.get("expected_boxes")), out.boxes(), tolerance);
            assertArrayEquals(BatchGolden.ints(c.get("expected_labels")), out.labels(), what);
            n++;
        }
        assertEquals(14, n, "golden cases run");
    }

    /** Each sample's boxes move by the sample's own picks and draws, in both modes; the images are apply's. */
    @Test
    void thePipelineMovesEachSamplesBoxesByItsOwnPicks() {
        RandAugment layer = new RandAugment(null, 2, new double[] {0.2, 0.6}, null, null);
        ImageShape shape = new ImageShape(12, 16, 3, DataFormat.CHANNELS_LAST);
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = KerasPipeline.builder().layers(layer).mode(mode).backend(new ReferenceBackend()).build();
            Tensor x = images();
            List<BoundingBoxes> in = boxes();
            ImagesAndBoxes out = p.apply(x, in, 8, 1);
            assertEquals(p.apply(x, 8, 1), out.images(), mode.toString());
            int moved = 0;
            for (int i = 0; i < N; i++) {
                RandomGenerator rng = RandomKeys.forSample(8, 1, i);
                BoundingBoxes expected = layer.transformBoundingBoxes(in.get(i), layer.draw(shape, rng), shape);
                assertEquals(expected, out.boxes().get(i), mode + " sample " + i);
                moved += expected.equals(in.get(i)) ? 0 : 1;
            }
            assertTrue(moved > 0 && moved < N, "some samples picked a geometric operation, some not: " + moved);
        }
    }

    @Test
    void keypointsThroughRandAugmentAndAnythingThroughAugMixAreRefused() {
        KerasPipeline rand = KerasPipeline.of(new RandAugment(null, 2, null, null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rand.apply(images(), boxes(), keypoints(), 1, 0));
        assertEquals("keypoints cannot follow RandAugment: Keras 3.15.1 has no keypoint transform for it; pass boxes"
                + " only", e.getMessage());
        KerasPipeline augMix = KerasPipeline.of(KerasLayers.fromConfig("AugMix", Map.of()));
        e = assertThrows(IllegalArgumentException.class, () -> augMix.apply(images(), boxes(), 1, 0));
        assertEquals("bounding boxes cannot follow AugMix: Keras 3.15.1's AugMix returns the boxes unchanged while"
                + " its chains shear, translate and rotate the pixels, so no box would stay on its object",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> augMix.apply(images(), null, keypoints(), 1, 0));
        assertTrue(e.getMessage().startsWith("keypoints cannot follow AugMix"), e.getMessage());
    }

    private static Tensor images() {
        Tensor t = Tensor.zeros(N, 12, 16, 3);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (i * 37) % 256;
        }
        return t;
    }

    private static List<BoundingBoxes> boxes() {
        List<BoundingBoxes> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            double[][] xyxy = {{3 + i * 0.25, 3, 8, 7.5}, {4, 4.5, 12 - i * 0.25, 9}, {0, 0, 2, 2}};
            out.add(BoundingBoxes.of(BoxFormat.XYXY, xyxy, new int[] {i, 7, 2}));
        }
        return out;
    }

    private static List<Keypoints> keypoints() {
        List<Keypoints> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            out.add(Keypoints.of(new double[][] {{4, 5}}, new int[] {2}));
        }
        return out;
    }
}
