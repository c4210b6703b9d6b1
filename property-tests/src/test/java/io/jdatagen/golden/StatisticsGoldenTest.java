package io.jdatagen.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.FeaturewiseStatistics;
import io.jdatagen.image.ImageDataGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code fit.json} and {@code standardize.json}. Tolerances from the golden README: float32
 * statistics and outputs within 1e-5 of max|want|, the float32 ZCA matrix within 1e-4 relative,
 * float64 statistics within 1e-9 relative. Tensors are float32 by design, so float64 outputs are
 * compared at float32 resolution (1e-6 relative).
 */
class StatisticsGoldenTest {

    private static ImageDataGenerator generator(JsonNode config) {
        Map<String, Object> map = new LinkedHashMap<>(Golden.map(config));
        map.put("compatibility", "keras_reference");
        return ImageDataGenerator.fromConfig(map);
    }

    private static boolean float64(JsonNode config) {
        return "float64".equals(config.path("dtype").asText());
    }

    static void assertRelative(double[] want, double[] got, double relative, String what) {
        assertEquals(want.length, got.length, what + ": size");
        double scale = Math.max(Golden.maxAbs(want), Double.MIN_NORMAL);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]));
        }
        double w = worst;
        assertTrue(worst <= relative * scale, () -> what + ": max difference " + w + " exceeds " + relative
                + " x max|want| = " + relative * scale);
    }

    private static void assertEffectiveFlags(JsonNode flags, ImageDataGenerator g) {
        assertEquals(flags.get("featurewise_center").asBoolean(), g.featurewiseCenter(), "featurewise_center");
        assertEquals(flags.get("featurewise_std_normalization").asBoolean(), g.featurewiseStdNormalization(),
                "featurewise_std_normalization");
        assertEquals(flags.get("samplewise_center").asBoolean(), g.samplewiseCenter(), "samplewise_center");
        assertEquals(flags.get("samplewise_std_normalization").asBoolean(), g.samplewiseStdNormalization(),
                "samplewise_std_normalization");
        assertEquals(flags.get("zca_whitening").asBoolean(), g.zcaWhitening(), "zca_whitening");
    }

    private static Tensor fitInput(JsonNode golden, String spec) {
        // "FIT_RGB[:8]" means the first 8 images.
        int bracket = spec.indexOf("[:");
        Tensor all = Golden.tensor(golden.get("inputs").get(bracket < 0 ? spec : spec.substring(0, bracket)));
        if (bracket < 0) {
            return all;
        }
        int n = Integer.parseInt(spec.substring(bracket + 2, spec.length() - 1));
        int[] shape = all.shape();
        shape[0] = n;
        float[] data = java.util.Arrays.copyOf(all.data(), n * all.itemSize());
        return Tensor.of(data, shape);
    }

    @TestFactory
    Stream<DynamicNode> fit() {
        return Golden.cases("fit.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    ImageDataGenerator g = generator(c.get("generator"));
                    assertEffectiveFlags(c.get("effective_flags"), g);
                    Tensor x = fitInput(golden, c.get("input").asText());
                    JsonNode args = c.get("fit_args");
                    if (args.path("augment").asBoolean()) {
                        g.fit(x, true, args.get("rounds").asInt(), args.get("seed").asLong());
                    } else {
                        g.fit(x);
                    }
                    boolean f64 = float64(c.get("generator"));
                    FeaturewiseStatistics s = g.statistics();
                    JsonNode r = c.get("result");
                    checkStat(r.get("mean"), s.mean(), f64 ? 1e-9 : 1e-5, "mean");
                    checkStat(r.get("std"), s.std(), f64 ? 1e-9 : 1e-5, "std");
                    checkStat(r.get("zca_whitening_matrix"), s.zcaWhitening(), f64 ? 1e-9 : 1e-4, "zca");
                }));
            }
            return tests.stream();
        });
    }

    private static void checkStat(JsonNode want, double[] got, double tolerance, String what) {
        if (want == null || want.isNull()) {
            assertNull(got, what + " must not be fitted");
            return;
        }
        assertRelative(Golden.doubles(want), got, tolerance, what);
    }

    @Test
    void fitRankError() {
        JsonNode error = Golden.load("fit.json").get("errors").get(0);
        int[] shape = Golden.doubles(error.get("input_shape")).length == 3
                ? new int[] {3, 10, 10} : null;
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().featurewiseCenter(true).build().fit(Tensor.zeros(shape)));
        assertEquals(error.get("message").asText(), e.getMessage().replace(" (ImageDataGenerator.fit in Java)", ""),
                "Keras's words, with the Java name beside the Python call");
    }

    @TestFactory
    Stream<DynamicNode> standardize() {
        return Golden.cases("standardize.json", golden -> {
            JsonNode fits = Golden.load("fit.json");
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    ImageDataGenerator g = generator(c.get("generator"));
                    assertEffectiveFlags(c.get("effective_flags"), g);
                    JsonNode stats = c.has("fitted_stats") ? c.get("fitted_stats") : null;
                    if (stats == null && !c.get("fitted_stats_from").isNull()) {
                        stats = fitResult(fits, c.get("fitted_stats_from").asText());
                    }
                    if (stats != null) {
                        g.setStatistics(statistics(stats));
                    }
                    Tensor out = g.standardize(Golden.tensor(golden.get("inputs").get(c.get("input").asText())));
                    double[] got = new double[out.size()];
                    for (int i = 0; i < got.length; i++) {
                        got[i] = out.data()[i];
                    }
                    assertRelative(Golden.doubles(c.get("output")), got, float64(c.get("generator")) ? 1e-6 : 1e-5,
                            "standardize output");
                }));
            }
            return tests.stream();
        });
    }

    private static JsonNode fitResult(JsonNode fits, String name) {
        for (JsonNode c : fits.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("result");
            }
        }
        throw new AssertionError("no fit case named " + name);
    }

    private static FeaturewiseStatistics statistics(JsonNode stats) {
        double[] mean = nullable(stats.get("mean"));
        double[] std = nullable(stats.get("std"));
        double[] zca = nullable(stats.get("zca_whitening_matrix"));
        int d = zca == null ? 0 : (int) Math.round(Math.sqrt(zca.length));
        return new FeaturewiseStatistics(mean, std, zca, d);
    }

    private static double[] nullable(JsonNode node) {
        return node == null || node.isNull() ? null : Golden.doubles(node);
    }
}
