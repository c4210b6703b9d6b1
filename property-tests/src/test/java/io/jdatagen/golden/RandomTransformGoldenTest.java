package io.jdatagen.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.data.NumpyRandomState;
import io.jdatagen.image.TransformParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code iterator.json}: numpy RNG checkpoints and get_random_transform. jdatagen reproduces
 * numpy's legacy MT19937 sampling, so the parameters are compared exactly (which also proves the
 * distribution rules: which options draw what, in which range).
 */
class RandomTransformGoldenTest {

    @TestFactory
    Stream<DynamicNode> numpyCheckpoints() {
        return Golden.cases("iterator.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("numpy_rng_checkpoints")) {
                long seed = c.get("seed").asLong();
                tests.add(DynamicTest.dynamicTest("seed " + seed, () -> {
                    NumpyRandomState rng = new NumpyRandomState(seed);
                    double[] samples = new double[4];
                    for (int i = 0; i < 4; i++) {
                        samples[i] = rng.nextDouble();
                    }
                    assertArrayEquals(Golden.doubles(c.get("random_sample_x4")), samples, 0, "random_sample");
                    rng = new NumpyRandomState(seed);
                    double[] uniform = new double[3];
                    for (int i = 0; i < 3; i++) {
                        uniform[i] = rng.uniform(-30, 30);
                    }
                    assertArrayEquals(Golden.doubles(c.get("uniform_m30_30_x3")), uniform, 0, "uniform");
                    rng = new NumpyRandomState(seed);
                    assertArrayEquals(Golden.doubles(c.get("uniform_size2_0.8_1.2")),
                            new double[] {rng.uniform(0.8, 1.2), rng.uniform(0.8, 1.2)}, 0, "uniform size 2");
                    assertArrayEquals(ints(c.get("permutation_10")), new NumpyRandomState(seed).permutation(10));
                    int[] p1000 = new NumpyRandomState(seed).permutation(1000);
                    assertArrayEquals(ints(c.get("permutation_1000_first20")), java.util.Arrays.copyOf(p1000, 20));
                    rng = new NumpyRandomState(seed);
                    int[] choice5 = new int[5];
                    for (int i = 0; i < 5; i++) {
                        choice5[i] = rng.nextInt(5);
                    }
                    assertArrayEquals(ints(c.get("choice_int5_x5")), choice5, "choice(5)");
                    rng = new NumpyRandomState(seed);
                    int[] randint = new int[6];
                    for (int i = 0; i < 6; i++) {
                        randint[i] = 10 + rng.nextInt(31 - 10);
                    }
                    assertArrayEquals(ints(c.get("randint_10_31_size6")), randint, "randint(10, 31)");
                }));
            }
            return tests.stream();
        });
    }

    private static int[] ints(JsonNode node) {
        return java.util.Arrays.stream(Golden.doubles(node)).mapToInt(d -> (int) d).toArray();
    }

    @TestFactory
    Stream<DynamicNode> getRandomTransform() {
        return Golden.cases("iterator.json", golden -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : golden.get("get_random_transform")) {
                String id = c.get("generator") + " seed " + c.get("seed").asLong();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    Map<String, Object> config = new LinkedHashMap<>(Golden.map(c.get("generator")));
                    config.put("compatibility", "keras_reference");
                    ImageDataGenerator g = ImageDataGenerator.fromConfig(config);
                    int[] shape = ints(c.get("img_shape"));
                    TransformParameters got = g.getRandomTransform(shape, c.get("seed").asLong());
                    TransformParameters want = TransformParameters.fromMap(Golden.map(c.get("transform_parameters")));
                    assertEquals(want, got);
                }));
            }
            return tests.stream();
        });
    }
}
