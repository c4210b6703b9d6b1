package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.ColorLinearStep;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.flow.SampleContext;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.WrapConvention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The golden vectors of the color and value layers ({@code golden/color.json}, written by
 * {@code property-tests/scripts/keras3_golden_color.py} from Keras 3.15.1 on TensorFlow) and the checks
 * every layer of the group runs against them: the config round trip, Keras's output for Keras's
 * transformation through a one-step pipeline (the folded path) and through the step's own
 * {@code apply}, and the two-sample test of the draws.
 */
final class ColorGolden {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode LAYERS = load().get("layers");
    private static final Resampling NEAREST = new Resampling(Interpolation.NEAREST, FillMode.CONSTANT, 0,
            WrapConvention.SCIPY);

    private ColorGolden() {
    }

    private static JsonNode load() {
        try (InputStream in = Objects.requireNonNull(ColorGolden.class.getResourceAsStream("golden/color.json"),
                "golden/color.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Backend> backends() {
        return Stream.of(new io.jdatagen.spi.reference.ReferenceBackend(), new io.jdatagen.spi.scalar.ScalarBackend());
    }

    static Tensor tensor(JsonNode node) {
        int[] shape = JSON.convertValue(node.get("shape"), int[].class);
        float[] data = new float[node.get("data").size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) node.get("data").get(i).asDouble();
        }
        return Tensor.of(data, shape);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> config(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    static List<JsonNode> cases(String layer) {
        List<JsonNode> out = new ArrayList<>();
        LAYERS.get(layer).get("cases").forEach(out::add);
        assertTrue(out.size() >= 6, layer + " has " + out.size() + " golden cases");
        return out;
    }

    /**
     * Runs every golden case of {@code layer} on {@code backend}: the layer from Keras's config (its config
     * equal to Keras's, JSON types included), Keras's transformation turned into the step's parameters by
     * {@code params} (null: the image is left alone), the image through a one-step pipeline, compared with
     * Keras's output within the layer's stated tolerance of {@code max(1, max |output|)}; pixel steps and
     * color-linear steps also through their own {@code apply}.
     *
     * @param adapt what to do with the layer before it runs (e.g. Normalization's adapt on the case)
     */
    static void check(String layer, Backend backend, Function<JsonNode, Object> params,
            CaseAdapter adapt) {
        double tolerance = LAYERS.get(layer).get("tolerance").asDouble();
        int n = 0;
        for (JsonNode c : cases(layer)) {
            KerasLayer keras = KerasLayers.fromConfig(layer, config(c.get("config")));
            assertEquals(c.get("config"), JSON.valueToTree(keras.getConfig()), layer + " config round trip");
            keras = adapt.adapt(keras, c);
            Tensor x = tensor(c.get("input"));
            Tensor expected = tensor(c.get("output"));
            ImageShape shape = new ImageShape(x.dim(0), x.dim(1), x.dim(2), DataFormat.CHANNELS_LAST);
            Step step = keras.step();
            Object p = params.apply(c);
            if (p == STEP_DRAWS) {
                p = drawFixed(step, shape);
            }
            StepPipeline pipeline = new StepPipeline(List.of(step), NEAREST, backend, DataFormat.CHANNELS_LAST, null,
                    null);
            Map<Step, Object> given = new HashMap<>();
            if (p != null) {
                given.put(step, p);
            }
            Tensor folded = pipeline.transformImage(x.copy(), null, pipeline.given(given));
            String what = layer + " case " + n + " on " + backend.getClass().getSimpleName();
            assertClose(expected, folded, tolerance, what + " (pipeline)");
            if (p != null) {
                assertClose(expected, applied(step, p, x.copy(), shape), tolerance, what + " (apply)");
            }
            n++;
        }
    }

    /** Marks parameters the step draws itself from a null stream (layers with nothing random). */
    static final Object STEP_DRAWS = new Object();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object drawFixed(Step step, ImageShape shape) {
        if (step instanceof ColorLinearStep s) {
            return s.draw(shape, null);
        }
        return ((PixelStep) step).draw(shape, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Tensor applied(Step step, Object p, Tensor x, ImageShape shape) {
        if (step instanceof ColorLinearStep s) {
            return s.apply(p, x, shape, SampleContext.NONE);
        }
        return ((PixelStep) step).apply(p, x, shape, SampleContext.NONE);
    }

    static void assertClose(Tensor expected, Tensor actual, double tolerance, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        float[] e = expected.data();
        float[] a = actual.data();
        double scale = 1;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int k = 0; k < e.length; k++) {
            double d = Math.abs((double) e[k] - a[k]);
            if (!(d <= worst)) { // a NaN difference is the worst and fails
                worst = d;
                at = k;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        double limit = tolerance * scale;
        int k = at;
        assertTrue(worst <= limit, () -> what + ": value " + k + " is " + a[k] + ", Keras has " + e[k] + " (difference "
                + (Math.abs((double) e[k] - a[k])) + " > " + limit + ")");
    }

    /**
     * The two-sample test of one random parameter: {@code draws} samples of it from the layer the
     * distribution's config describes (a fixed-seed stream), against Keras's 2000 draws.
     *
     * @param parameter the transformation key, e.g. {@code "rgb_delta"}
     * @param draw one draw of the parameter as a number from the layer and a stream
     */
    static void checkDistribution(String layer, String parameter, DrawOne draw) {
        JsonNode dist = LAYERS.get(layer).get("distribution");
        KerasLayer keras = KerasLayers.fromConfig(layer, config(dist.get("config")));
        JsonNode k = dist.get("draws").get(parameter);
        double[] theirs = new double[k.size()];
        for (int i = 0; i < theirs.length; i++) {
            theirs[i] = k.get(i).asDouble();
        }
        assertEquals(2000, theirs.length, layer + " distribution sample size");
        SplittableRandom rng = new SplittableRandom(32);
        ImageShape shape = new ImageShape(1, 1, 3, DataFormat.CHANNELS_LAST);
        double[] ours = new double[theirs.length];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = draw.draw(keras, shape, rng);
        }
        TwoSample.assertSameDistribution(layer + " " + parameter, ours, theirs);
    }

    /** Turns a layer made from a golden case's config into the one the case runs (e.g. adapted). */
    interface CaseAdapter {
        KerasLayer adapt(KerasLayer layer, JsonNode goldenCase);

        CaseAdapter NONE = (layer, c) -> layer;
    }

    /** One draw of a random parameter, as a number. */
    interface DrawOne {
        double draw(KerasLayer layer, ImageShape shape, SplittableRandom rng);
    }
}
