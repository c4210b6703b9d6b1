package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.PixelStep;
import io.jdatagen.augment.Resampling;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The golden cases of the batch and other layers, written from Keras 3.15.1 by
 * {@code property-tests/scripts/keras3_golden_batch.py}, read from the test classpath.
 */
final class BatchGolden {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ROOT = load();

    private BatchGolden() {
    }

    private static JsonNode load() {
        try (InputStream in = BatchGolden.class.getResourceAsStream("golden/batch.json")) {
            if (in == null) {
                throw new IllegalStateException("golden/batch.json is missing from the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the golden entry of one layer: tolerance, why, cases, distribution} */
    static JsonNode layer(String className) {
        JsonNode n = ROOT.get(className);
        assertTrue(n != null && n.get("cases").size() > 0, "no golden cases for " + className);
        return n;
    }

    /** {@return a case's config as Jackson reads Keras's JSON} */
    static Map<String, Object> config(JsonNode testCase) {
        return JSON.convertValue(testCase.get("config"), new TypeReference<Map<String, Object>>() { });
    }

    /** {@return a {@code {"shape", "data"}} node as a tensor} */
    static Tensor tensor(JsonNode node) {
        JsonNode s = node.get("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asInt();
        }
        return Tensor.of(floats(node.get("data")), shape);
    }

    static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    /** The CPU backends every golden case runs on. */
    static final List<Backend> BACKENDS = List.of(new ReferenceBackend(), new ScalarBackend());

    /**
     * {@return one image (rank 3, in {@code format}) through a one-step pipeline on {@code backend} that
     * applies {@code params}: the identity warp, then the pixel step}
     */
    static <P> Tensor throughPipeline(PixelStep<P> step, P params, Tensor image, DataFormat format,
            Backend backend) {
        StepPipeline pipeline = new StepPipeline(List.of(step), new Resampling(Interpolation.NEAREST,
                FillMode.CONSTANT, 0, WrapConvention.SCIPY), backend, format, null, null);
        return pipeline.transformImage(image.copy(), null, pipeline.given(Map.of(step, params)));
    }

    /** {@return the value range of a case's input kind: 255 for integer values, 1 for floats in [0, 1]} */
    static double range(JsonNode testCase) {
        return "uint8".equals(testCase.get("kind").asText()) ? 255 : 1;
    }

    /** Asserts every value of {@code actual} within {@code tolerance} of Keras's. */
    static void assertClose(String what, Tensor expected, Tensor actual, double tolerance) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()),
                what + ": shape");
        float[] e = expected.data();
        float[] a = actual.data();
        for (int k = 0; k < e.length; k++) {
            if (Math.abs(e[k] - a[k]) > tolerance) {
                throw new AssertionError(what + ": element " + k + " is " + a[k] + ", Keras has " + e[k]
                        + " (tolerance " + tolerance + ")");
            }
        }
    }
}
