package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdatagen.augment.Drawn;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.augment.StepPipeline;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** CenterCrop, RandomCrop and Resizing (the layers that change the image size) against Keras. */
class SizeLayersTest {
    private static int goldens(String name, BiFunction<KerasLayer, JsonNode, Object> given) {
        return goldens(name, name, given);
    }

    /** Runs the golden cases under {@code key}, each a layer of class {@code name}; returns their count. */
    private static int goldens(String key, String name, BiFunction<KerasLayer, JsonNode, Object> given) {
        JsonNode layer = GeometricGolden.layer(key);
        int n = 0;
        for (JsonNode c : layer.get("cases")) {
            Map<String, Object> config = GeometricGolden.config(c.get("config"));
            KerasLayer l = KerasLayers.fromConfig(name, config);
            assertEquals(config, l.getConfig(), name + " config round trip");
            Object p = given.apply(l, c);
            for (Backend b : GeometricGolden.BACKENDS) {
                Tensor out = GeometricGolden.apply(l.step(), p, l.resampling(), b,
                        GeometricGolden.input(c.get("input").asText()));
                GeometricGolden.assertClose(name + " " + c.get("config") + " " + c.get("input") + " on " + b.name(),
                        GeometricGolden.tensor(c.get("output")), out, GeometricGolden.tolerance(layer, c));
            }
            n++;
        }
        return n;
    }

    private static ImageShape shape(Tensor image) {
        int[] s = image.shape();
        return new ImageShape(s[0], s[1], s[2], DataFormat.CHANNELS_LAST);
    }

    @Test
    void centerCropMatchesKeras() {
        int n = goldens("CenterCrop", (l, c) -> ((CenterCrop) l).draw(
                shape(GeometricGolden.input(c.get("input").asText())), null));
        assertEquals(6, n);
        assertEquals(3, goldens("CenterCropEnlarging", "CenterCrop", (l, c) -> Boolean.TRUE));
    }

    @Test
    void randomCropMatchesKerasWithGivenStarts() {
        int n = goldens("RandomCrop", (l, c) -> RandomCrop.given(c.get("transformation").get("h_start").asInt(),
                c.get("transformation").get("w_start").asInt()));
        assertEquals(6, n);
    }

    @Test
    void randomCropPlacesAnEqualSizedWindowAsKerasDoes() {
        JsonNode layer = GeometricGolden.layer("RandomCrop");
        for (JsonNode c : layer.get("cases")) {
            RandomCrop l = RandomCrop.fromConfig(GeometricGolden.config(c.get("config")));
            ImageShape s = shape(GeometricGolden.input(c.get("input").asText()));
            int[] drawn = l.draw(s, new SplittableRandom(0));
            JsonNode t = c.get("transformation");
            if (s.height() == c.get("config").get("height").asInt() || s.width() == c.get("config").get("width")
                    .asInt()) {
                assertEquals(t.get("h_start").asInt(), drawn[0], c.toString());
                assertEquals(t.get("w_start").asInt(), drawn[1], c.toString());
            }
        }
    }

    @Test
    void randomCropDrawsFollowKeras() {
        JsonNode d = GeometricGolden.root().get("distributions").get("RandomCrop");
        Map<String, Object> config = GeometricGolden.config(d.get("config"));
        RandomCrop l = RandomCrop.fromConfig(config);
        assertEquals(config, l.getConfig());
        ImageShape s = new ImageShape(d.get("image").get(0).asInt(), d.get("image").get(1).asInt(), 1,
                DataFormat.CHANNELS_LAST);
        SplittableRandom rng = new SplittableRandom(16);
        double[] top = new double[2000];
        double[] left = new double[2000];
        for (int i = 0; i < top.length; i++) {
            int[] p = l.draw(s, rng);
            top[i] = p[0];
            left[i] = p[1];
        }
        TwoSample.assertSameDistribution("RandomCrop h_start", top, GeometricGolden.doubles(d.get("h_start")));
        TwoSample.assertSameDistribution("RandomCrop w_start", left, GeometricGolden.doubles(d.get("w_start")));
    }

    @Test
    void resizingMatchesKeras() {
        int n = goldens("Resizing", (l, c) -> Boolean.TRUE);
        assertEquals(24, n);
    }

    @Test
    void resizingAndCenterCropRunOnSamplesThatAreNotAugmentedRandomCropDoesNot() {
        Resizing resize = new Resizing(4, 5);
        CenterCrop crop = new CenterCrop(3, 4);
        RandomCrop randomCrop = new RandomCrop(2, 2, null);
        StepPipeline p = new StepPipeline(List.of(resize, crop, randomCrop), resize.resampling(),
                GeometricGolden.BACKENDS.get(0), DataFormat.CHANNELS_LAST, null, null);
        Drawn notAugmented = p.draw(new ImageShape(7, 9, 3, DataFormat.CHANNELS_LAST), null);
        assertEquals(Boolean.TRUE, notAugmented.get(resize));
        assertEquals(Boolean.TRUE, notAugmented.get(crop));
        assertNull(notAugmented.get(randomCrop));
    }

    @Test
    void refusesWhatItCannotReproduce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CenterCrop(8, 8).draw(new ImageShape(7, 9, 3, DataFormat.CHANNELS_LAST), null));
        assertTrue(e.getMessage().contains("7x7 window of a 7x9 image"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resizing(4, 4, "bicubic"));
        assertTrue(e.getMessage().contains("bicubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resizing(4, 4, "cubic"));
        assertTrue(e.getMessage().contains("Received: interpolation=cubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Resizing.fromConfig(Map.of("height", 4, "width", 4,
                "pad_to_aspect_ratio", true)));
        assertTrue(e.getMessage().contains("pad_to_aspect_ratio=true"), e.getMessage());
        Resizing crop = Resizing.fromConfig(Map.of("height", 11, "width", 13, "crop_to_aspect_ratio", true));
        e = assertThrows(IllegalArgumentException.class,
                () -> crop.draw(new ImageShape(7, 9, 3, DataFormat.CHANNELS_LAST), null));
        assertTrue(e.getMessage().contains("7x8 window of a 7x9 image"), e.getMessage());
    }
}
