package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.image.TransformedTargets;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code golden/points.json} (written by {@code property-tests/scripts/keras3_golden_points.py}):
 * where a Gaussian blob drawn at a point lands in Keras 3.15.1's own pixels, after each geometric layer's
 * {@code transform_images} with a given transformation and after the ImageDataGenerator's {@code apply_transform}
 * with given parameters (Keras's code, and the same code with the true centre as pivot for
 * {@link Compatibility#DOCUMENTED}). Keras has no keypoint transform, so the blob's intensity centroid is the
 * oracle: a visible point must be mapped within the file's tolerance of it, a point whose blob left the image
 * must be marked {@link Keypoints#OUTSIDE}. RandomPerspective is not affine, so there the centroid is not the image
 * of the centre: its expected points are the exact inverse of the homography Keras samples through (which the
 * script checked against the measured centroids), to the layer's tighter tolerance. Each case runs on the
 * reference and the scalar backend, both pipeline modes for the layers, and also pushes the blob through our
 * own pixels, whose centroid must land on
 * Keras's within the same tolerance. The generator's boxes must equal the file's (each box's corners through the
 * matrix Keras builds, enclosed and clipped).
 */
class PointsGoldenTest {
    private static final JsonNode ROOT = load();
    private static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend());

    private static JsonNode load() {
        try (InputStream in = PointsGoldenTest.class.getResourceAsStream("golden/points.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keypointsFollowKerasPixelsThroughEveryGeometricLayer() {
        double centroidTolerance = ROOT.get("meta").get("tolerance").asDouble();
        int visible = 0;
        int outside = 0;
        for (Map.Entry<String, JsonNode> layer : ROOT.get("layers").properties()) {
            double tolerance = layer.getValue().get("tolerance").asDouble();
            for (JsonNode c : layer.getValue().get("cases")) {
                for (Backend backend : BACKENDS) {
                    for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                        String what = layer.getKey() + " " + c.get("transformation") + " " + mode + " on "
                                + backend.getClass().getSimpleName();
                        int[] counts = checkLayer(layer.getKey(), c, backend, mode, tolerance, centroidTolerance,
                                what);
                        visible += counts[0];
                        outside += counts[1];
                    }
                }
            }
        }
        assertEquals(4 * 231, visible, "visible golden points checked (each on 2 backends x 2 modes)");
        assertEquals(4 * 6, outside, "golden points that left the image checked");
    }

    @Test
    void generatorTransformTargetsFollowKerasPixelsInBothConventions() {
        JsonNode generator = ROOT.get("generator");
        double tolerance = generator.get("tolerance").asDouble();
        double boxTolerance = generator.get("box_tolerance").asDouble();
        int n = 0;
        for (Compatibility compatibility : Compatibility.values()) {
            String key = compatibility == Compatibility.KERAS_REFERENCE ? "keras_reference" : "documented";
            for (JsonNode c : generator.get(key)) {
                for (Backend backend : BACKENDS) {
                    ImageDataGenerator gen = ImageDataGenerator.builder().fillMode(FillMode.CONSTANT).cval(0)
                            .interpolationOrder(1).compatibility(compatibility).backend(backend).build();
                    @SuppressWarnings("unchecked")
                    TransformParameters p = TransformParameters.fromMap(
                            new ObjectMapper().convertValue(c.get("params"), Map.class));
                    String what = key + " " + c.get("params") + " on " + backend.getClass().getSimpleName();
                    int height = c.get("image").get(0).asInt();
                    int width = c.get("image").get(1).asInt();
                    Keypoints points = points(c.get("points"));
                    BoundingBoxes boxes = BoundingBoxes.of(BoxFormat.XYXY, BoxesGoldenTest.matrix(c.get("boxes")),
                            BatchGolden.ints(c.get("labels")));
                    TransformedTargets out = gen.transformTargets(new int[] {height, width, 1}, p, boxes, points);
                    checkPoints(what, c.get("points"), out.keypoints(), tolerance);
                    BoxesGoldenTest.assertClose(what, BoxesGoldenTest.matrix(c.get("expected_boxes")),
                            out.boxes().boxes(), boxTolerance);
                    assertEquals(java.util.Arrays.toString(BatchGolden.ints(c.get("expected_labels"))),
                            java.util.Arrays.toString(out.boxes().labels()), what);
                    int i = 0;
                    for (JsonNode point : c.get("points")) {
                        if (point.get("visible").asBoolean()) {
                            Tensor image = blob(point.get("point"), height, width);
                            double[] got = centroid(gen.applyTransform(image, p), height, width);
                            assertNear(what + " our pixels, point " + i, point.get("expected"), got, tolerance);
                        }
                        i++;
                    }
                    n++;
                }
            }
        }
        assertEquals(2 * 2 * 11, n, "generator cases run");
    }

    /** One layer case on one backend and mode: {visible points checked, outside points checked}. */
    @SuppressWarnings("unchecked")
    private static int[] checkLayer(String className, JsonNode c, Backend backend, KerasPipeline.Mode mode,
            double tolerance, double centroidTolerance, String what) {
        KerasLayer layer = KerasLayers.fromConfig(className, new ObjectMapper().convertValue(c.get("config"),
                Map.class));
        Step step = layer.step();
        StepPipeline pipeline = new StepPipeline(List.of(step),
                layer.resampling() != null ? layer.resampling() : LayerSegments.IDENTITY, backend,
                DataFormat.CHANNELS_LAST, null, null);
        Drawn drawn = pipeline.given(Map.of(step, given(className, c.get("transformation"))));
        int height = c.get("image").get(0).asInt();
        int width = c.get("image").get(1).asInt();
        ImageShape shape = new ImageShape(height, width, 1, DataFormat.CHANNELS_LAST);
        Keypoints moved = SegmentKeypoints.map(List.of(pipeline), List.<Drawn[]>of(new Drawn[] {drawn}), shape,
                List.of(points(c.get("points"))), mode).get(0);
        int[] counts = checkPoints(what, c.get("points"), moved, tolerance);
        int i = 0;
        int outHeight = c.get("output").get(0).asInt();
        int outWidth = c.get("output").get(1).asInt();
        for (JsonNode point : c.get("points")) {
            if (point.get("visible").asBoolean()) {
                Tensor out = pipeline.transformImage(blob(point.get("point"), height, width), null, drawn);
                assertEquals(List.of(outHeight, outWidth, 1), List.of(out.dim(0), out.dim(1), out.dim(2)), what);
                assertNear(what + " our pixels, point " + i,
                        point.has("centroid") ? point.get("centroid") : point.get("expected"),
                        centroid(out, outHeight, outWidth), centroidTolerance);
            }
            i++;
        }
        return counts;
    }

    private static Object given(String className, JsonNode t) {
        return switch (className) {
            case "RandomFlip" -> RandomFlip.given(t.get("flips").asBoolean());
            case "RandomRotation" -> RandomRotation.given(t.get("angle").asDouble());
            case "RandomTranslation" -> RandomTranslation.given(t.get("translations").get(0).asDouble(),
                    t.get("translations").get(1).asDouble());
            case "RandomZoom" -> RandomZoom.given(t.get("height_zoom").asDouble(), t.get("width_zoom").asDouble());
            case "RandomShear" -> RandomShear.given(t.get("shear_factor").get(0).asDouble(),
                    t.get("shear_factor").get(1).asDouble());
            case "RandomCrop" -> RandomCrop.given(t.get("start").get(0).asInt(), t.get("start").get(1).asInt());
            case "CenterCrop", "Resizing" -> Boolean.TRUE;
            case "RandomPerspective" -> RandomPerspective.given(t.get("apply_perspective").asBoolean(),
                    BoxesGoldenTest.points(t.get("start_points")), BoxesGoldenTest.points(t.get("end_points")));
            default -> throw new AssertionError("no golden runner for " + className);
        };
    }

    /** Checks the mapped points against the golden ones: {visible points checked, outside points checked}. */
    private static int[] checkPoints(String what, JsonNode golden, Keypoints moved, double tolerance) {
        assertEquals(golden.size(), moved.size(), what + ": number of points");
        int visible = 0;
        int outside = 0;
        for (int i = 0; i < golden.size(); i++) {
            JsonNode g = golden.get(i);
            if (g.get("visible").asBoolean()) {
                assertNotEquals(Keypoints.OUTSIDE, moved.visibility(i), what + ": point " + i + " stays visible");
                assertNear(what + ": point " + i + " " + g.get("point"), g.get("expected"), moved.point(i), tolerance);
                visible++;
            } else {
                assertEquals(Keypoints.OUTSIDE, moved.visibility(i), what + ": point " + i + " " + g.get("point")
                        + " left the image, now at " + java.util.Arrays.toString(moved.point(i)));
                outside++;
            }
        }
        return new int[] {visible, outside};
    }

    private static void assertNear(String what, JsonNode expected, double[] got, double tolerance) {
        double dx = Math.abs(expected.get(0).asDouble() - got[0]);
        double dy = Math.abs(expected.get(1).asDouble() - got[1]);
        assertTrue(dx <= tolerance && dy <= tolerance, what + ": expected " + expected + " got "
                + java.util.Arrays.toString(got));
    }

    /** The golden points, visibility 2 (COCO's "visible"). */
    private static Keypoints points(JsonNode golden) {
        double[][] p = new double[golden.size()][];
        int[] v = new int[golden.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {golden.get(i).get("point").get(0).asDouble(),
                golden.get(i).get("point").get(1).asDouble()};
            v[i] = 2;
        }
        return Keypoints.of(p, v);
    }

    /** The script's blob: a Gaussian of the file's sigma on the point, zero beyond the radius, as float32. */
    private static Tensor blob(JsonNode point, int height, int width) {
        double sigma = ROOT.get("meta").get("sigma").asDouble();
        double radius = ROOT.get("meta").get("radius").asDouble();
        double x = point.get(0).asDouble();
        double y = point.get(1).asDouble();
        float[] data = new float[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double r2 = (r + 0.5 - y) * (r + 0.5 - y) + (c + 0.5 - x) * (c + 0.5 - x);
                data[r * width + c] = r2 <= radius * radius ? (float) Math.exp(-r2 / (2 * sigma * sigma)) : 0f;
            }
        }
        return Tensor.of(data, height, width, 1);
    }

    /** The intensity centroid {@code {x, y}} of a one-channel image, in pixel-edge coordinates. */
    private static double[] centroid(Tensor image, int height, int width) {
        float[] v = image.data();
        double total = 0;
        double sx = 0;
        double sy = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double w = v[r * width + c];
                total += w;
                sx += w * (c + 0.5);
                sy += w * (r + 0.5);
            }
        }
        return new double[] {sx / total, sy / total};
    }
}
