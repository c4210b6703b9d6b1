package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.ColorMode;
import io.jdatagen.io.DecodeOptions;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.PillowResize;
import io.jdatagen.io.ResizeFilter;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPEG photos decoded in full by default (Keras's pixels: Pillow decodes in full, then resizes),
 * and segmentation pairs that load whatever the scale the image is decoded at.
 */
class ReducedDecodeTest {
    /** Photo sizes {height, width}: three of 480×640 and one whose sides are not multiples of 8. */
    private static final int[][] PHOTOS = {{480, 640}, {480, 640}, {480, 640}, {483, 641}};
    /**
     * Targets: 1/2, 1/4 and 1/8 of 480×640, and squares of 1/2, 1/4 and 1/8 of the shorter side (which let
     * the opencv codec decode at 1/2, 1/4 and 1/8).
     */
    private static final int[][] TARGETS = {{240, 320}, {120, 160}, {60, 80}, {240, 240}, {120, 120}, {60, 60}};

    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    /**
     * A noisy RGB gradient with a bright disc (values 215..255) on a background at most 175, the way
     * a photo has texture and an object.
     */
    private static ByteImage photo(int h, int w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int cy = h / 2 + rng.nextInt(-h / 8, h / 8);
        int cx = w / 2 + rng.nextInt(-w / 8, w / 8);
        int radius = h / 4;
        byte[] d = new byte[h * w * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                boolean inside = disc(r, c, cy, cx, radius);
                for (int ch = 0; ch < 3; ch++) {
                    int v = inside ? 235 + rng.nextInt(-12, 13)
                            : 20 + (r * 60 / h + c * 60 / w + ch * 15) + rng.nextInt(-12, 13);
                    d[(r * w + c) * 3 + ch] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new ByteImage(d, h, w, 3);
    }

    private static boolean disc(int r, int c, int cy, int cx, int radius) {
        return (long) (r - cy) * (r - cy) + (long) (c - cx) * (c - cx) < (long) radius * radius;
    }

    /** The label mask of {@link #photo}: 1 inside the disc, 0 outside. */
    private static ByteImage mask(int h, int w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int cy = h / 2 + rng.nextInt(-h / 8, h / 8);
        int cx = w / 2 + rng.nextInt(-w / 8, w / 8);
        byte[] d = new byte[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                d[r * w + c] = (byte) (disc(r, c, cy, cx, h / 4) ? 1 : 0);
            }
        }
        return new ByteImage(d, h, w, 1);
    }

    /** JPEG photos under {@code root/images} (in a class folder {@code cls}), PNG masks under {@code root/masks}. */
    private static List<Path> writePairs(Path root) {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < PHOTOS.length; i++) {
            int h = PHOTOS[i][0];
            int w = PHOTOS[i][1];
            String name = String.format(Locale.ROOT, "cls/p%d", i);
            photos.add(TestImages.write(root.resolve("images").resolve(name + ".jpg"),
                    TestImages.jpeg(photo(h, w, i), 0.9f)));
            TestImages.write(root.resolve("masks").resolve(name + ".png"),
                    TestImages.encode(TestImages.toBuffered(mask(h, w, i)), "png"));
        }
        return photos;
    }

    private static List<ImageCodec> codecs() {
        List<ImageCodec> codecs = new ArrayList<>(List.of(ImageCodecs.named("imageio")));
        if (opencvAvailable()) {
            codecs.add(ImageCodecs.named("opencv"));
        }
        return codecs;
    }

    private static boolean opencvAvailable() {
        return ImageCodecs.statuses().stream()
                .anyMatch(s -> s.provider().name().equals("opencv") && s.availability().available());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"imageio", "opencv"})
    void jpegSegmentationPairsLoadAtEveryTargetWithReducedDecodeOnAndOff(String codecName, @TempDir Path root) {
        assumeTrue(codecName.equals("imageio") || opencvAvailable(), "the opencv codec is not available here");
        ImageCodec codec = ImageCodecs.named(codecName);
        writePairs(root);
        for (boolean reduced : new boolean[] {false, true}) {
            for (int[] t : TARGETS) {
                String what = codecName + " reducedDecode=" + reduced + " target " + t[0] + "x" + t[1];
                PairDirectoryFlowOptions options = FlowOptions.pairDirectories().codec(codec).reducedDecode(reduced)
                        .targetSize(t[0], t[1]).batchSize(PHOTOS.length).shuffle(false);
                SegmentationFlow flow = PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                        options);
                assertAligned(flow.get(0), what);

                SegmentationFlow skipping = PLAIN.flowPairsFromDirectories(root.resolve("images"),
                        root.resolve("masks"), options.skipUnreadable(true));
                assertEquals(PHOTOS.length, skipping.samples(), what + ": every pair is kept");
                assertEquals(List.of(), skipping.skippedFiles(), what);
            }
        }
    }

    /** The batch's images and masks agree: bright where the label is 1, on nearly every pixel. */
    private static void assertAligned(Batch b, String what) {
        Tensor x = b.xTensor();
        Tensor y = b.y();
        assertEquals(PHOTOS.length, x.dim(0), what);
        assertArrayEquals(new int[] {x.dim(0), x.dim(1), x.dim(2), 1}, y.shape(), what);
        int pixels = x.dim(0) * x.dim(1) * x.dim(2);
        int agree = 0;
        int labelled = 0;
        for (int p = 0; p < pixels; p++) {
            boolean bright = x.data()[p * 3] > 200;
            boolean label = y.data()[p] == 1;
            agree += bright == label ? 1 : 0;
            labelled += label ? 1 : 0;
        }
        assertTrue(labelled > pixels / 10, what + ": the masks hold the discs");
        assertTrue(agree >= pixels * 0.97, what + ": image and mask agree on " + agree + " of " + pixels + " pixels");
    }

    @Test
    void aPngImageAtAReducedSizeOfItsMaskIsStillRefused(@TempDir Path root) {
        // 120 x 160 is exactly what a 480 x 640 JPEG decodes to at 1/4 for a 120 x 120 target, but a PNG
        // is never decoded at a reduced scale: this pair really mismatches.
        TestImages.write(root.resolve("images/p.png"), TestImages.encode(TestImages.toBuffered(photo(120, 160, 0)),
                "png"));
        TestImages.write(root.resolve("masks/p.png"), TestImages.encode(TestImages.toBuffered(mask(480, 640, 0)),
                "png"));
        for (ImageCodec codec : codecs()) {
            SegmentationFlow flow = PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                    FlowOptions.pairDirectories().codec(codec).reducedDecode(true).targetSize(120, 120));
            io.jdatagen.io.ImageReadException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.jdatagen.io.ImageReadException.class, () -> flow.get(0));
            assertTrue(e.getMessage().contains("the image is 160 x 120 (as decoded; reducedDecode may scale a JPEG"
                    + " by 1/4 for this target) but the mask is 640 x 480"), e.getMessage());
        }
    }

    @Test
    void withReducedDecodeOpencvReallyDecodesJpegsAtAReducedScale(@TempDir Path root) {
        assumeTrue(opencvAvailable(), "the opencv codec is not available here");
        List<Path> photos = writePairs(root);
        ImageCodec opencv = ImageCodecs.named("opencv");
        int[] factors = {2, 4, 8};
        int[][] squares = {{240, 240}, {120, 120}, {60, 60}};
        for (int k = 0; k < squares.length; k++) {
            ImageFileReader reader = new ImageFileReader(opencv, ColorMode.RGB, squares[k], ResizeFilter.NEAREST,
                    false, true, true);
            for (int i = 0; i < photos.size(); i++) {
                ByteImage decoded = reader.decode(photos.get(i));
                int f = factors[k];
                assertEquals((PHOTOS[i][0] + f - 1) / f, decoded.height(), "1/" + f + " of photo " + i);
                assertEquals((PHOTOS[i][1] + f - 1) / f, decoded.width(), "1/" + f + " of photo " + i);
            }
        }
    }

    @Test
    void byDefaultAJpegsPixelsAreAFullDecodeThenPillowsResize(@TempDir Path root) throws IOException {
        List<Path> photos = writePairs(root);
        for (ImageCodec codec : codecs()) {
            for (ResizeFilter filter : new ResizeFilter[] {ResizeFilter.NEAREST, ResizeFilter.BILINEAR}) {
                for (int[] t : TARGETS) {
                    String what = codec.name() + " " + filter + " target " + t[0] + "x" + t[1];
                    FileFlow flow = PLAIN.flowFromDirectory(root.resolve("images"), FlowOptions.directory().codec(codec)
                            .interpolation(filter).targetSize(t[0], t[1]).shuffle(false));
                    for (int i = 0; i < photos.size(); i++) {
                        ByteImage expected = PillowResize.resize(codec.decode(bytes(photos.get(i)),
                                DecodeOptions.DEFAULT), t[0], t[1], filter);
                        assertArrayEquals(expected.data(), flow.image(i).data(), what + " photo " + i);
                    }
                }
            }
        }
    }

    @Test
    void byDefaultSegmentationImagesAreAFullDecodeThenPillowsResize(@TempDir Path root) throws IOException {
        List<Path> photos = writePairs(root);
        for (ImageCodec codec : codecs()) {
            for (int[] t : TARGETS) {
                String what = codec.name() + " target " + t[0] + "x" + t[1];
                SegmentationFlow flow = PLAIN.flowPairsFromDirectories(root.resolve("images"), root.resolve("masks"),
                        FlowOptions.pairDirectories().codec(codec).targetSize(t[0], t[1]).batchSize(PHOTOS.length)
                                .shuffle(false).augment(false));
                Tensor x = flow.get(0).xTensor();
                for (int i = 0; i < photos.size(); i++) {
                    ByteImage expected = PillowResize.resize(codec.decode(bytes(photos.get(i)), DecodeOptions.DEFAULT),
                            t[0], t[1], ResizeFilter.NEAREST);
                    float[] values = new float[expected.data().length];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = expected.data()[k] & 0xFF;
                    }
                    assertArrayEquals(values, x.item(i).data(), what + " photo " + i);
                }
            }
        }
    }

    @Test
    void reducedDecodeIsOffByDefaultAndChangesPixelsWhenOn(@TempDir Path root) {
        assumeTrue(opencvAvailable(), "the opencv codec is not available here");
        writePairs(root);
        ImageCodec opencv = ImageCodecs.named("opencv");
        DirectoryFlowOptions options = FlowOptions.directory().codec(opencv).targetSize(120, 120)
                .interpolation(ResizeFilter.BILINEAR).shuffle(false);
        FileFlow byDefault = PLAIN.flowFromDirectory(root.resolve("images"), options);
        FileFlow full = PLAIN.flowFromDirectory(root.resolve("images"), options.reducedDecode(false));
        FileFlow reduced = PLAIN.flowFromDirectory(root.resolve("images"), options.reducedDecode(true));
        for (int i = 0; i < PHOTOS.length; i++) {
            assertArrayEquals(full.image(i).data(), byDefault.image(i).data(), "photo " + i);
            assertFalse(java.util.Arrays.equals(full.image(i).data(), reduced.image(i).data()),
                    "a 1/4-scale decode gives other pixels, photo " + i);
        }
    }
}
