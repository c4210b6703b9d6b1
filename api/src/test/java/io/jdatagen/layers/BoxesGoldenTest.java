package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.DataFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code golden/boxes.json} (written by {@code property-tests/scripts/keras3_golden_boxes.py} from
 * Keras 3.15.1): {@code convert_format} between every pair of formats, and each geometric layer's
 * {@code transform_bounding_boxes} for given transformations, boxes near and across the image's edges in two
 * formats per layer, and MaxNumBoundingBoxes's padding and truncation. A case with an {@code expected_format}
 * (RandomPerspective, whose Keras method returns {@code xyxy} whatever its {@code bounding_box_format}) is
 * compared in that format. The batch layer MixUp combines a batch's boxes as Keras does.
 */
class BoxesGoldenTest {
    private static final JsonNode ROOT = load();

    private static JsonNode load() {
        try (InputStream in = BoxesGoldenTest.class.getResourceAsStream("golden/boxes.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void convertFormatMatchesKerasForEveryPairOfFormats() {
        JsonNode convert = ROOT.get("convert");
        double tolerance = convert.get("tolerance").asDouble();
        int n = 0;
        for (JsonNode c : convert.get("cases")) {
            BoxFormat source = BoxFormat.fromKerasName(c.get("source").asText());
            BoxFormat target = BoxFormat.fromKerasName(c.get("target").asText());
            double[][] got = source.convert(matrix(c.get("boxes")), target, c.get("height").asDouble(),
                    c.get("width").asDouble());
            assertClose(source + " -> " + target, matrix(c.get("expected")), got, tolerance);
            n++;
        }
        assertEquals(BoxFormat.values().length * BoxFormat.values().length, n);
    }

    @Test
    void everyGeometricLayerMovesBoxesAsKeras() {
        int n = 0;
        for (Map.Entry<String, JsonNode> layer : ROOT.get("layers").properties()) {
            double tolerance = layer.getValue().get("tolerance").asDouble();
            assertTrue(layer.getValue().get("why").asText().length() > 10, layer.getKey() + " states why");
            for (JsonNode c : layer.getValue().get("cases")) {
                String what = layer.getKey() + " " + c.get("config") + " " + c.get("transformation");
                BoundingBoxes out = run(layer.getKey(), c);
                BoxFormat format = BoxFormat.fromKerasName(c.get("format").asText());
                assertEquals(format, out.format(), what);
                double[][] got = out.boxes();
                if (c.has("expected_format")) {
                    // Keras returns these in another format than its bounding_box_format: compare in that one
                    got = format.convert(got, BoxFormat.fromKerasName(c.get("expected_format").asText()),
                            c.get("image").get(0).asDouble(), c.get("image").get(1).asDouble());
                }
                assertClose(what, matrix(c.get("expected_boxes")), got, tolerance);
                assertArrayEquals(BatchGolden.ints(c.get("expected_labels")), out.labels(), what);
                n++;
            }
        }
        assertEquals(62, n, "golden cases run");
    }

    /**
     * MixUp's {@code transform_bounding_boxes} on a batch of three: each sample's boxes then those of the sample
     * mixed into it. Keras concatenates the labels along the batch axis (its sample {@code i}'s labels are rows
     * {@code i} and {@code batch + i}), ours follow each sample's boxes.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mixUpCombinesEachSamplesBoxesAsKeras() {
        JsonNode mixUp = ROOT.get("batch_layers").get("MixUp");
        assertTrue(mixUp.get("why").asText().length() > 10, "MixUp states why");
        int n = 0;
        for (JsonNode c : mixUp.get("cases")) {
            Map<String, Object> keras = new ObjectMapper().convertValue(c.get("config"), Map.class);
            MixUp layer = (MixUp) KerasLayers.fromConfig("MixUp", keras);
            assertEquals(keras, layer.getConfig(), "MixUp writes Keras's config back, bounding_box_format included");
            BoxFormat format = BoxFormat.fromKerasName(c.get("format").asText());
            int batch = c.get("boxes").size();
            List<BoundingBoxes> boxes = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                boxes.add(BoundingBoxes.of(format, matrix(c.get("boxes").get(i)),
                        BatchGolden.ints(c.get("labels").get(i))));
            }
            int[] order = BatchGolden.ints(c.get("transformation").get("permutation_order"));
            JsonNode w = c.get("transformation").get("mix_weight");
            float[] weights = new float[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) w.get(i).asDouble();
            }
            ImageShape image = new ImageShape(c.get("image").get(0).asInt(), c.get("image").get(1).asInt(), 1,
                    DataFormat.CHANNELS_LAST);
            List<BoundingBoxes> out = layer.transformBoundingBoxes(boxes, new MixUp.Mixing(weights, order), image);
            assertEquals(batch, out.size());
            JsonNode labels = c.get("expected_labels");
            assertEquals(2 * batch, labels.size(), "Keras's labels: the samples', then the permuted samples'");
            for (int i = 0; i < batch; i++) {
                String what = "MixUp " + c.get("config") + " " + c.get("transformation") + " sample " + i;
                assertEquals(format, out.get(i).format(), what);
                assertClose(what, matrix(c.get("expected_boxes").get(i)), out.get(i).boxes(), 0.0);
                int[] own = BatchGolden.ints(labels.get(i));
                int[] mixed = BatchGolden.ints(labels.get(batch + i));
                int[] expected = java.util.Arrays.copyOf(own, own.length + mixed.length);
                System.arraycopy(mixed, 0, expected, own.length, mixed.length);
                assertArrayEquals(expected, out.get(i).labels(), what);
            }
            n++;
        }
        assertEquals(4, n, "golden cases run");
    }

    @SuppressWarnings("unchecked")
    private static BoundingBoxes run(String className, JsonNode c) {
        Map<String, Object> keras = new ObjectMapper().convertValue(c.get("config"), Map.class);
        Map<String, Object> config = new LinkedHashMap<>(keras);
        if (c.has("fill_value")) {
            config.put("fill_value", c.get("fill_value").asInt());
        }
        KerasLayer layer = KerasLayers.fromConfig(className, config);
        assertEquals(keras, layer.getConfig(), className + " writes Keras's config back, bounding_box_format included");
        ImageShape image = new ImageShape(c.get("image").get(0).asInt(), c.get("image").get(1).asInt(), 1,
                DataFormat.CHANNELS_LAST);
        BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.fromKerasName(c.get("format").asText()),
                matrix(c.get("boxes")), BatchGolden.ints(c.get("labels")));
        JsonNode t = c.get("transformation");
        return switch (className) {
            case "RandomFlip" -> ((RandomFlip) layer).transformBoundingBoxes(boxes,
                    t.get("flips").get(0).get(0).asBoolean() ? RandomFlip.given(true) : null, image);
            case "RandomRotation" -> ((RandomRotation) layer).transformBoundingBoxes(boxes,
                    RandomRotation.given(t.get("angle").get(0).asDouble()), image);
            case "RandomTranslation" -> ((RandomTranslation) layer).transformBoundingBoxes(boxes,
                    RandomTranslation.given(t.get("translations").get(0).get(0).asDouble(),
                            t.get("translations").get(0).get(1).asDouble()), image);
            case "RandomZoom" -> ((RandomZoom) layer).transformBoundingBoxes(boxes,
                    RandomZoom.given(t.get("height_zoom").get(0).get(0).asDouble(),
                            t.get("width_zoom").get(0).get(0).asDouble()), image);
            case "RandomShear" -> ((RandomShear) layer).transformBoundingBoxes(boxes,
                    RandomShear.given(t.get("shear_factor").get(0).get(0).asDouble(),
                            t.get("shear_factor").get(0).get(1).asDouble()), image);
            case "RandomCrop" -> ((RandomCrop) layer).transformBoundingBoxes(boxes,
                    RandomCrop.given(t.get("start").get(0).asInt(), t.get("start").get(1).asInt()), image);
            case "CenterCrop" -> ((CenterCrop) layer).transformBoundingBoxes(boxes, Boolean.TRUE, image);
            case "Resizing" -> ((Resizing) layer).transformBoundingBoxes(boxes, Boolean.TRUE, image);
            case "RandomPerspective" -> ((RandomPerspective) layer).transformBoundingBoxes(boxes,
                    RandomPerspective.given(t.get("apply_perspective").get(0).asBoolean(),
                            points(t.get("start_points").get(0)), points(t.get("end_points").get(0))), image);
            case "MaxNumBoundingBoxes" -> ((MaxNumBoundingBoxes) layer).transformBoundingBoxes(boxes, null, image);
            default -> throw new AssertionError("no golden runner for " + className);
        };
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int k = 0; k < m[i].length; k++) {
                m[i][k] = rows.get(i).get(k).asDouble();
            }
        }
        return m;
    }

    static float[][] points(JsonNode rows) {
        float[][] p = new float[rows.size()][2];
        for (int i = 0; i < p.length; i++) {
            p[i][0] = (float) rows.get(i).get(0).asDouble();
            p[i][1] = (float) rows.get(i).get(1).asDouble();
        }
        return p;
    }

    static void assertClose(String what, double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + ": number of boxes");
        for (int i = 0; i < expected.length; i++) {
            for (int k = 0; k < 4; k++) {
                double e = expected[i][k];
                double a = actual[i][k];
                assertTrue(Math.abs(e - a) <= tolerance * Math.max(1, Math.abs(e)),
                        what + ": box " + i + " coordinate " + k + " expected " + e + " got " + a);
            }
        }
    }
}
