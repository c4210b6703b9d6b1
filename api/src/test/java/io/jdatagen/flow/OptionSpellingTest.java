package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.io.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every string option follows one rule: Keras's spelling in any case is accepted, and a wrong one
 * is refused with Keras's text where Keras has one, plus a "did you mean" hint when a spelling is
 * close.
 */
class OptionSpellingTest {
    private static final ImageDataGenerator GEN = ImageDataGenerator.builder().build();

    @Test
    void anyCaseIsAcceptedForEveryOption(@TempDir Path root) {
        TestImages.write(root.resolve("a/x.png"), TestImages.encode(TestImages.toBuffered(TestImages.blocks(4, 4)),
                "png"));
        TestImages.write(root.resolve("b/y.png"), TestImages.encode(TestImages.toBuffered(TestImages.blocks(4, 4)),
                "png"));
        FileFlow flow = GEN.flowFromDirectory(root, FlowOptions.directory().targetSize(4, 4).colorMode("RGB")
                .classMode("Binary").interpolation("Bilinear").subset("Training").output("Float32"));
        assertEquals(2, flow.samples());
        assertEquals(ClassMode.BINARY, ClassMode.fromName(" binary "));
        assertEquals(ColorMode.GRAYSCALE, ColorMode.fromName("GrayScale"));
        assertEquals(ResizeFilter.LANCZOS, ResizeFilter.fromName("LANCZOS"));
        assertEquals(Subset.VALIDATION, Subset.fromName("Validation"));
        assertEquals("imageio", ImageCodecs.named("ImageIO").name());
        ImageDataGenerator g = ImageDataGenerator.builder().fillMode("Reflect").dataFormat("Channels_First")
                .compatibility("Keras_Reference").dtype("Float32").build();
        assertEquals("reflect", g.getConfig().get("fill_mode"));
        assertEquals("channels_first", g.getConfig().get("data_format"));
    }

    @Test
    void kerasTextsKeepTheirWordsAndGainAHint() {
        IllegalArgumentException classMode = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.directory().classMode("Binery"));
        assertEquals("Invalid class_mode: Binery; expected one of: {categorical, binary, sparse, input, multi_output,"
                + " raw, none}. Did you mean 'binary'?", classMode.getMessage());
        IllegalArgumentException color = assertThrows(IllegalArgumentException.class, () -> ColorMode.fromName("rbg"));
        assertEquals("Invalid color mode: rbg; expected \"rgb\", \"rgba\", or \"grayscale\". Did you mean 'rgb'?",
                color.getMessage());
        Tensor x = Tensor.zeros(4, 2, 2, 1);
        IllegalArgumentException subset = assertThrows(IllegalArgumentException.class, () -> ImageDataGenerator
                .builder().validationSplit(0.5).build().flow(x, null, FlowOptions.arrays().subset("valdation")));
        assertEquals("('Invalid subset name:', 'valdation', '; expected \"training\" or \"validation\".') Did you mean"
                + " 'validation'?", subset.getMessage());
    }

    @Test
    void jdatagensOwnOptionsSayUnknownWithTheAllowedSpellings() {
        IllegalArgumentException fill = assertThrows(IllegalArgumentException.class,
                () -> ImageDataGenerator.builder().fillMode("neerest"));
        assertEquals("unknown fillMode 'neerest'; did you mean 'nearest'? Allowed: constant, nearest, reflect, wrap,"
                + " mirror, grid-wrap, grid-constant, grid-mirror", fill.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.arrays().output("float61"));
        assertTrue(output.getMessage().startsWith("unknown output 'float61'; did you mean 'float16'?"),
                output.getMessage());
        IllegalArgumentException codec = assertThrows(IllegalArgumentException.class,
                () -> ImageCodecs.named("imagio"));
        assertTrue(codec.getMessage().startsWith("unknown image codec 'imagio'; did you mean 'imageio'? Allowed: "),
                codec.getMessage());
        IllegalArgumentException save = assertThrows(IllegalArgumentException.class,
                () -> FlowOptions.arrays().saveFormat("jpg2"));
        assertTrue(save.getMessage().startsWith("unknown saveFormat 'jpg2'; did you mean 'jpg'?"), save.getMessage());
    }
}
