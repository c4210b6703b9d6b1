package io.jdatagen.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The golden cases of RandomPerspective and RandomElasticTransform (written by
 * {@code property-tests/scripts/keras3_golden_perspective.py} from Keras 3.15.1 on TensorFlow): inputs and
 * outputs are stored channels last; a channels_first case is transposed in and out here.
 */
final class PerspectiveGolden {
    private static final JsonNode ROOT = load();

    private PerspectiveGolden() {
    }

    private static JsonNode load() {
        try (InputStream in = PerspectiveGolden.class.getResourceAsStream("golden/perspective.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode layer(String layer) {
        return ROOT.get("layers").get(layer);
    }

    static JsonNode distributions(String layer) {
        return ROOT.get("distributions").get(layer);
    }

    /** {@return the named input image (channels last)} */
    static Tensor input(String name) {
        return GeometricGolden.tensor(ROOT.get("inputs").get(name));
    }

    /** {@return the tolerance of a case: the layer's, times the input's value range (255, or 1 for "unit")} */
    static double tolerance(JsonNode layer, JsonNode testCase) {
        return layer.get("tolerance").asDouble() * (testCase.get("input").asText().equals("unit") ? 1 : 255);
    }

    /** {@return a JSON array of four {@code [x, y]} pairs as floats} */
    static float[][] points(JsonNode n) {
        float[][] p = new float[n.size()][2];
        for (int i = 0; i < p.length; i++) {
            p[i][0] = (float) n.get(i).get(0).asDouble();
            p[i][1] = (float) n.get(i).get(1).asDouble();
        }
        return p;
    }

    /** {@return a nested JSON array of numbers, flattened to floats} */
    static float[] floats(JsonNode n) {
        return GeometricGolden.tensor(n).data();
    }

    /**
     * {@return {@code image} (channels last) through a one-step pipeline of {@code layer} with the given
     * parameters on {@code backend}, in the layer's data format, back as channels last}
     */
    static <P> Tensor apply(KerasLayer layer, P params, Backend backend, Tensor image) {
        boolean first = "channels_first".equals(layer.getConfig().get("data_format"));
        DataFormat format = first ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
        StepPipeline p = new StepPipeline(List.of(layer.step()), LayerSegments.IDENTITY, backend, format, null,
                null);
        Tensor in = first ? transpose(image, 2, 0, 1) : image;
        Tensor out = p.transformImage(in, null, p.given(Map.of(layer.step(), params)));
        return first ? transpose(out, 1, 2, 0) : out;
    }

    /** {@return a rank-3 tensor with its axes reordered: new axis {@code i} is old axis {@code axes[i]}} */
    static Tensor transpose(Tensor t, int... axes) {
        int[] s = t.shape();
        int[] ns = {s[axes[0]], s[axes[1]], s[axes[2]]};
        float[] in = t.data();
        float[] out = new float[in.length];
        int[] idx = new int[3];
        for (idx[0] = 0; idx[0] < s[0]; idx[0]++) {
            for (idx[1] = 0; idx[1] < s[1]; idx[1]++) {
                for (idx[2] = 0; idx[2] < s[2]; idx[2]++) {
                    int k = (idx[axes[0]] * ns[1] + idx[axes[1]]) * ns[2] + idx[axes[2]];
                    out[k] = in[(idx[0] * s[1] + idx[1]) * s[2] + idx[2]];
                }
            }
        }
        return Tensor.of(out, ns);
    }

    /** {@return a JSON array of numbers as doubles} */
    static double[] doubles(JsonNode array) {
        return GeometricGolden.doubles(array);
    }
}
