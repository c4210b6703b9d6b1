package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The realistic stack (RandomFlip, RandomRotation(0.1), RandomZoom(0.1), RandomTranslation(0.1, 0.1),
 * RandomContrast(0.2)), as Keras 3.15.1 writes it, loaded with the real layers, run and written back.
 */
class RealisticStackTest {
    private static Tensor photos() {
        SplittableRandom r = new SplittableRandom(32);
        Tensor x = Tensor.zeros(4, 32, 32, 3);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(256);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic_sequential.json", "realistic_pipeline.json", "realistic_list.json"})
    void loadsRunsAndWritesBackKerasConfig(String file) {
        String json = KerasConfigTest.resource(file);
        KerasPipeline p = KerasPipeline.builder().json(json).backend(new ReferenceBackend()).build();
        List<String> names = new ArrayList<>();
        p.layers().forEach(l -> names.add(l.className()));
        assertEquals(KerasConfigTest.STACK, names);
        assertEquals(KerasConfigTest.tree(json), KerasConfigTest.tree(p.toJson()));

        Tensor x = photos();
        Tensor fused = p.apply(x, 3);
        KerasPipeline layered = p.toBuilder().mode(KerasPipeline.Mode.KERAS_REFERENCE).build();
        Tensor reference = layered.apply(x, 3);
        assertArrayEquals(x.shape(), fused.shape());
        assertArrayEquals(x.shape(), reference.shape());
        assertFalse(Arrays.equals(x.data(), fused.data()));
        assertFalse(Arrays.equals(fused.data(), reference.data()), "one warp against four");
        for (float v : fused.data()) {
            assertTrue(v >= 0 && v <= 255, "values stay in the value range 0-255: " + v);
        }
        assertArrayEquals(fused.data(), p.apply(x, 3).data());

        Tensor flowed = p.flow(x, null, FlowOptions.arrays().batchSize(4).shuffle(false).seed(3)).get(0).xTensor();
        assertArrayEquals(fused.data(), flowed.data());
    }

    /** The README names the layers this version runs: exactly those registered. */
    @Test
    void theReadmeNamesTheRegisteredLayers() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("The layers: ");
        String list = readme.substring(start, readme.indexOf("(`KerasLayers.classNames()`", start));
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Za-z]+)`").matcher(list);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(KerasLayers.classNames(), named);
    }
}
