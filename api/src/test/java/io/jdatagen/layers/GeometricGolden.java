package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.Step;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The golden cases of the geometric layers (written by {@code property-tests/scripts/keras3_golden_geometric.py}
 * from Keras 3.15.1 on TensorFlow) and the checks every geometric layer test runs on them.
 */
final class GeometricGolden {
    private static final JsonNode ROOT = load();
    static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend());

    private GeometricGolden() {
    }

    private static JsonNode load() {
        try (InputStream in = GeometricGolden.class.getResourceAsStream("golden/geometric.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode root() {
        return ROOT;
    }

    /** {@return the golden entry of {@code layer}: tolerance, why, cases} */
    static JsonNode layer(String layer) {
        return ROOT.get("layers").get(layer);
    }

    /** {@return a nested JSON array of numbers as a tensor of its shape} */
    static Tensor tensor(JsonNode nested) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
            shape.add(n.size());
        }
        float[] data = new float[shape.stream().reduce(1, (a, b) -> a * b)];
        int[] k = {0};
        flatten(nested, data, k);
        return Tensor.of(data, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void flatten(JsonNode n, float[] data, int[] k) {
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, data, k);
            }
        } else {
            data[k[0]++] = (float) n.asDouble();
        }
    }

    /** {@return the named input image (channels last)} */
    static Tensor input(String name) {
        return tensor(ROOT.get("inputs").get(name));
    }

    /** {@return the config of a case as a map, as Keras wrote it} */
    @SuppressWarnings("unchecked")
    static Map<String, Object> config(JsonNode node) {
        return new ObjectMapper().convertValue(node, Map.class);
    }

    /** {@return {@code image} through {@code step} with the given parameters, one warp on {@code backend}} */
    static <P> Tensor apply(Step step, P params, Resampling resampling, Backend backend, Tensor image) {
        StepPipeline p = new StepPipeline(List.of(step), resampling, backend, DataFormat.CHANNELS_LAST, null, null);
        return p.transformImage(image, null, p.given(Map.of(step, params)));
    }

    /**
     * Asserts that {@code actual} has {@code expected}'s shape and every value within {@code tolerance}, naming
     * the case and the first differing index.
     */
    static void assertClose(String what, Tensor expected, Tensor actual, double tolerance) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()),
                what + ": shape");
        float[] e = expected.data();
        float[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= tolerance)) {
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", Keras gives " + e[i]
                        + " (tolerance " + tolerance + ")");
            }
        }
    }

    /**
     * Runs one affine golden case on every backend. With {@code fill_mode="wrap"} only the pixels whose source
     * point, wrapped with period {@code n}, lies in {@code [0, n − 1]} on both axes are compared: TensorFlow
     * wraps the coordinate and then clamps it to {@code [0, n − 1]}, so in the seam band {@code (n − 1, n)}
     * it reads the last pixel where a periodic fill blends the last and the first; at least half of the
     * pixels of each such case lie off the seam.
     *
     * @return the number of elements compared
     */
    static <P> int assertAffineCase(JsonNode layer, JsonNode c, KerasLayer kerasLayer, P params) {
        Tensor expected = tensor(c.get("output"));
        Tensor image = input(c.get("input").asText());
        boolean[] compared = comparedElements(c, expected.shape());
        int count = 0;
        for (boolean b : compared) {
            count += b ? 1 : 0;
        }
        if (count * 2 < compared.length) {
            throw new AssertionError("fewer than half the pixels of " + c.get("config") + " are off the wrap seam");
        }
        for (Backend b : BACKENDS) {
            Tensor actual = apply(kerasLayer.step(), params, kerasLayer.resampling(), b, image);
            String what = kerasLayer.className() + " " + c.get("config") + " " + c.get("input") + " on " + b.name();
            assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()),
                    what + ": shape");
            Tensor e = masked(expected, compared);
            assertClose(what, e, masked(actual, compared), tolerance(layer, c));
        }
        return count;
    }

    private static Tensor masked(Tensor t, boolean[] keep) {
        float[] d = t.data().clone();
        for (int i = 0; i < d.length; i++) {
            if (!keep[i]) {
                d[i] = 0;
            }
        }
        return Tensor.of(d, t.shape());
    }

    private static boolean[] comparedElements(JsonNode c, int[] shape) {
        boolean[] keep = new boolean[shape[0] * shape[1] * shape[2]];
        boolean wrap = c.get("config").get("fill_mode").asText().equals("wrap");
        double[] m = doubles(c.get("matrix"));
        for (int r = 0; r < shape[0]; r++) {
            for (int x = 0; x < shape[1]; x++) {
                boolean ok = !wrap || (offSeam(m[0] * x + m[1] * r + m[2], shape[1])
                        && offSeam(m[3] * x + m[4] * r + m[5], shape[0]));
                for (int ch = 0; ch < shape[2]; ch++) {
                    keep[(r * shape[1] + x) * shape[2] + ch] = ok;
                }
            }
        }
        return keep;
    }

    private static boolean offSeam(double coordinate, int n) {
        double wrapped = coordinate - n * Math.floor(coordinate / n);
        return wrapped <= n - 1 - 1e-3;
    }

    /** {@return the tolerance of a case: the layer's, relative to the input's value range (255 or 1)} */
    static double tolerance(JsonNode layer, JsonNode testCase) {
        double range = testCase.get("input").asText().equals("int") ? 255 : 1;
        return layer.get("tolerance").asDouble() * range;
    }

    /** {@return a JSON number or a nested array of one number as a double} */
    static double scalar(JsonNode n) {
        JsonNode x = n;
        while (x.isArray()) {
            x = x.get(0);
        }
        return x.asDouble();
    }

    /** {@return a JSON array of numbers as doubles} */
    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
