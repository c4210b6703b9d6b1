package io.jdatagen.golden;

import io.jdatagen.property.AvailableBackends;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.AffineMatrix;
import io.jdatagen.image.AffineTransforms;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageAxes;
import io.jdatagen.image.WarpOptions;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code affine.json}: Keras's apply_affine_transform, flip_axis and test-suite cases, per backend. */
class AffineGoldenTest {
    private static final double TOLERANCE = 1e-6;
    /** B-spline cases (orders 2-5): relative to the largest expected magnitude, as the golden README suggests. */
    private static final double SPLINE_RELATIVE = 1e-5;

    @TestFactory
    Stream<DynamicNode> affineCases() {
        return Golden.cases("affine.json", golden -> {
            return AvailableBackends.all().stream().map(backend -> DynamicContainer.dynamicContainer(
                    backend.name(), cases(golden, backend)));
        });
    }

    private static Stream<DynamicNode> cases(JsonNode golden, Backend backend) {
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> runCase(golden, c, backend)));
        }
        return tests.stream();
    }

    private static void runCase(JsonNode golden, JsonNode c, Backend backend) {
        String mode = c.get("fill_mode").asText();
        int order = c.get("order").asInt();
        Tensor input = Golden.tensor(golden.get("inputs").get(c.get("input").asText()).get("array"));
        JsonNode a = c.get("axes");
        ImageAxes axes = new ImageAxes(a.get("row_axis").asInt(), a.get("col_axis").asInt(),
                a.get("channel_axis").asInt());
        JsonNode p = c.get("params");
        WarpOptions options = new WarpOptions(axes, FillMode.fromKerasName(mode), c.get("cval").asDouble(),
                Interpolation.fromOrder(order), Compatibility.KERAS_REFERENCE, backend);
        double[] inverse = AffineMatrix.inverse(p.get("theta").asDouble(), p.get("tx").asDouble(),
                p.get("ty").asDouble(), p.get("shear").asDouble(), p.get("zx").asDouble(), p.get("zy").asDouble(),
                input.shape(), axes, Compatibility.KERAS_REFERENCE);
        Tensor out = AffineTransforms.applyAffineTransform(input, p.get("theta").asDouble(), p.get("tx").asDouble(),
                p.get("ty").asDouble(), p.get("shear").asDouble(), p.get("zx").asDouble(), p.get("zy").asDouble(),
                options);
        if (c.get("scipy_matrix").isNull()) {
            assertSame(input, out, "identity parameters must return the input itself");
            assertEquals(null, inverse);
            return;
        }
        double[] m = Golden.doubles(c.get("scipy_matrix"));
        double[] off = Golden.doubles(c.get("scipy_offset"));
        assertArrayEquals(new double[] {m[0], m[1], off[0], m[2], m[3], off[1]}, inverse,
                "scipy matrix and offset");
        double[] want = Golden.doubles(c.get("output").get("data"));
        double tolerance = TOLERANCE;
        if (order > 1) {
            double largest = 0;
            for (double v : want) {
                largest = Math.max(largest, Math.abs(v));
            }
            tolerance = SPLINE_RELATIVE * largest;
        }
        assertClose(want, out.data(), fragile(c), backend.name() + " " + c.get("id").asText(), tolerance);
    }

    /** Flat index → acceptable alternative values. */
    private static Map<Integer, double[]> fragile(JsonNode c) {
        Map<Integer, double[]> map = new HashMap<>();
        for (JsonNode f : c.get("fragile")) {
            map.put(f.get(0).asInt(), Golden.doubles(f.get(1)));
        }
        return map;
    }

    static void assertClose(double[] want, float[] got, Map<Integer, double[]> fragile, String id) {
        assertClose(want, got, fragile, id, TOLERANCE);
    }

    static void assertClose(double[] want, float[] got, Map<Integer, double[]> fragile, String id, double tolerance) {
        assertEquals(want.length, got.length, id + ": size");
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(got[i] - want[i]) <= tolerance) {
                continue;
            }
            boolean alternative = false;
            for (double alt : fragile.getOrDefault(i, new double[0])) {
                alternative |= Math.abs(got[i] - alt) <= tolerance;
            }
            if (!alternative) {
                if (bad++ < 5) {
                    first.append(String.format(" [%d] got %s want %s;", i, got[i], want[i]));
                }
            }
        }
        assertEquals(0, bad, id + ": " + bad + " of " + want.length + " elements differ:" + first);
    }

    @TestFactory
    Stream<DynamicNode> fillModeProbes() {
        return Golden.cases("affine.json", golden -> {
            Tensor probe = Golden.tensor(golden.get("inputs").get("PROBE_1x5").get("array"));
            List<DynamicNode> tests = new ArrayList<>();
            for (Backend backend : AvailableBackends.all()) {
                for (JsonNode c : golden.get("fill_mode_probes")) {
                    String name = backend.name() + " " + c.get("fill_mode").asText() + " cval=" + c.get("cval").asDouble()
                            + " order=" + c.get("order").asInt() + " tx=" + c.get("tx").asDouble();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        WarpOptions options = new WarpOptions(ImageAxes.CHANNELS_LAST,
                                FillMode.fromKerasName(c.get("fill_mode").asText()), c.get("cval").asDouble(),
                                Interpolation.fromOrder(c.get("order").asInt()), Compatibility.KERAS_REFERENCE, backend);
                        Tensor out = AffineTransforms.applyAffineTransform(probe, 0, c.get("tx").asDouble(), 0, 0, 1, 1,
                                options);
                        assertClose(Golden.doubles(c.get("output_row")), out.data(), Map.of(), name);
                    }));
                }
            }
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicNode> flipAxis() {
        return Golden.cases("affine.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("flip_axis")) {
                tests.add(DynamicTest.dynamicTest(c.get("input").asText() + " axis " + c.get("axis").asInt(), () -> {
                    Tensor input = Golden.tensor(golden.get("inputs").get(c.get("input").asText()).get("array"));
                    Tensor out = AffineTransforms.flipAxis(input, c.get("axis").asInt());
                    assertClose(Golden.doubles(c.get("output")), out.data(), Map.of(), "flip");
                }));
            }
            return tests.stream();
        });
    }

    /** The reference test suite's deterministic cases; Keras's function defaults to channels-first axes. */
    @TestFactory
    Stream<DynamicNode> testSuiteCases() {
        return Golden.cases("affine.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (Backend backend : AvailableBackends.all()) {
                for (JsonNode c : golden.get("test_suite_cases")) {
                    tests.add(DynamicTest.dynamicTest(backend.name() + " " + c.get("name").asText(), () -> {
                        JsonNode call = c.get("call");
                        ImageAxes axes = new ImageAxes(call.path("row_axis").asInt(1), call.path("col_axis").asInt(2),
                                call.path("channel_axis").asInt(0));
                        WarpOptions options = new WarpOptions(axes,
                                FillMode.fromKerasName(call.path("fill_mode").asText("nearest")),
                                call.path("cval").asDouble(0), Interpolation.BILINEAR, Compatibility.KERAS_REFERENCE,
                                backend);
                        Tensor out = AffineTransforms.applyAffineTransform(Golden.tensor(c.get("input")),
                                call.path("theta").asDouble(0), call.path("tx").asDouble(0), call.path("ty").asDouble(0),
                                0, 1, 1, options);
                        double[] want = Golden.doubles(c.get("output"));
                        boolean integer = c.get("output").get("dtype").asText().startsWith("int");
                        float[] got = out.data().clone();
                        if (integer) {
                            for (int i = 0; i < got.length; i++) {
                                got[i] = Math.round(got[i]);
                            }
                        }
                        assertClose(want, got, Map.of(), c.get("name").asText());
                        assertTrue(got.length > 0);
                    }));
                }
            }
            return tests.stream();
        });
    }
}
