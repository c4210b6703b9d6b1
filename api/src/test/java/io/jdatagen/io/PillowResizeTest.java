package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Pillow's resampling rules, checked on values worked out by hand from Pillow's definitions. */
class PillowResizeTest {
    private static ByteImage row(int... values) {
        byte[] d = new byte[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) values[i];
        }
        return new ByteImage(d, 1, values.length, 1);
    }

    private static int[] values(ByteImage image) {
        int[] v = new int[image.data().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = image.data()[i] & 0xFF;
        }
        return v;
    }

    @Test
    void constantImagesStayConstantUnderEveryFilterAndScale() {
        byte[] d = new byte[23 * 31 * 3];
        Arrays.fill(d, (byte) 173);
        ByteImage flat = new ByteImage(d, 23, 31, 3);
        for (ResizeFilter f : ResizeFilter.values()) {
            for (int[] size : new int[][] {{7, 5}, {23, 64}, {50, 31}, {1, 1}}) {
                ByteImage out = PillowResize.resize(flat, size[0], size[1], f);
                for (int v : values(out)) {
                    assertEquals(173, v, f + " to " + size[0] + "x" + size[1]);
                }
            }
        }
    }

    @Test
    void bilinearUpscaleInterpolatesBetweenPixelCentres() {
        // Pillow: centres at 0.25, 0.75, 1.25, 1.75 source px; edge outputs use only the edge pixel.
        assertArrayEquals(new int[] {0, 50, 150, 200}, values(PillowResize.resize(row(0, 200), 1, 4,
                ResizeFilter.BILINEAR)));
    }

    @Test
    void boxHalvingAveragesPairsWithPillowsTwoPassRounding() {
        ByteImage image = new ByteImage(new byte[] {10, 21, 3, 4, 100, (byte) 201, 7, 9}, 2, 4, 1);
        ByteImage out = PillowResize.resize(image, 1, 2, ResizeFilter.BOX);
        // Horizontal pass: round((10+21)/2)=16 (15.5 rounds up), round(3.5)=4; row 2: 151 (150.5), 8.
        // Vertical pass: round((16+151)/2)=84 (83.5 up), round((4+8)/2)=6.
        assertArrayEquals(new int[] {84, 6}, values(out));
    }

    @Test
    void nearestPicksThePixelUnderEachOutputCentre() {
        assertArrayEquals(new int[] {1, 3}, values(PillowResize.resize(row(0, 1, 2, 3), 1, 2, ResizeFilter.NEAREST)));
        assertArrayEquals(new int[] {5, 5, 9, 9}, values(PillowResize.resize(row(5, 9), 1, 4, ResizeFilter.NEAREST)));
        assertArrayEquals(new int[] {1, 3, 5}, values(PillowResize.resize(row(0, 1, 2, 3, 4, 5), 1, 3,
                ResizeFilter.NEAREST)));
    }

    /** RGB pixels move as whole ints; each channel must equal that channel resized on its own. */
    @Test
    void rgbRowsEqualEachChannelResampledAloneUnderEveryFilter() {
        // The RGB row pass sums red and blue in one 64-bit accumulator; the one-channel pass sums each alone.
        SplittableRandom random = new SplittableRandom(11);
        io.jdatagen.spi.ResampleKernel plain = new io.jdatagen.spi.reference.PillowResample();
        for (ResizeFilter filter : ResizeFilter.values()) {
            if (filter == ResizeFilter.NEAREST) {
                continue;
            }
            int[][] sizes = {{3, 500, 224}, {2, 7, 19}, {4, 40, 13}, {1, 1, 5}, {2, 224, 500}};
            for (int[] size : sizes) {
                int rows = size[0];
                int inW = size[1];
                byte[] pixels = new byte[rows * inW * 3];
                random.nextBytes(pixels);
                pixels[0] = (byte) 255; // extremes: the clipping at both ends under the negative lobes
                pixels[pixels.length - 1] = 0;
                io.jdatagen.spi.ResampleTable table = PillowResize.coefficients(inW, 0, inW, size[2], filter);
                byte[] rgb = new byte[rows * size[2] * 3];
                plain.resampleRows(pixels, inW, 3, 0, rows, table, rgb);
                for (int c = 0; c < 3; c++) {
                    byte[] plane = new byte[rows * inW];
                    for (int p = 0; p < plane.length; p++) {
                        plane[p] = pixels[3 * p + c];
                    }
                    byte[] alone = new byte[rows * size[2]];
                    plain.resampleRows(plane, inW, 1, 0, rows, table, alone);
                    for (int p = 0; p < alone.length; p++) {
                        assertEquals(alone[p], rgb[3 * p + c], filter + " " + Arrays.toString(size) + " pixel " + p
                                + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void nearestRgbEqualsEachChannelResizedAlone() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] sizes = {{7, 13, 5, 9}, {7, 13, 11, 20}, {1, 1, 3, 2}, {4, 5, 4, 5}, {375, 500, 224, 224}};
        for (int[] size : sizes) {
            byte[] pixels = new byte[size[0] * size[1] * 3];
            random.nextBytes(pixels);
            ByteImage rgb = PillowResize.resize(new ByteImage(pixels, size[0], size[1], 3), size[2], size[3],
                    ResizeFilter.NEAREST);
            for (int c = 0; c < 3; c++) {
                byte[] plane = new byte[size[0] * size[1]];
                for (int p = 0; p < plane.length; p++) {
                    plane[p] = pixels[3 * p + c];
                }
                ByteImage alone = PillowResize.resize(new ByteImage(plane, size[0], size[1], 1), size[2], size[3],
                        ResizeFilter.NEAREST);
                for (int p = 0; p < size[2] * size[3]; p++) {
                    assertEquals(alone.data()[p], rgb.data()[3 * p + c],
                            Arrays.toString(size) + " pixel " + p + " channel " + c);
                }
            }
        }
    }

    @Test
    void shrinkingWidensTheKernelSoThatItAntialiases() {
        int[] stripes = new int[16];
        for (int i = 0; i < 16; i++) {
            stripes[i] = i % 2 == 0 ? 0 : 200;
        }
        for (ResizeFilter f : new ResizeFilter[] {ResizeFilter.BILINEAR, ResizeFilter.BICUBIC, ResizeFilter.LANCZOS,
                ResizeFilter.HAMMING, ResizeFilter.BOX}) {
            for (int v : values(PillowResize.resize(row(stripes), 1, 4, f))) {
                assertTrue(Math.abs(v - 100) <= 12, f + " left aliasing: " + v);
            }
        }
    }

    @Test
    void sharpeningFiltersClampTheirOvershoot() {
        ByteImage edge = row(0, 0, 0, 255, 255, 255);
        for (ResizeFilter f : new ResizeFilter[] {ResizeFilter.BICUBIC, ResizeFilter.LANCZOS}) {
            int[] out = values(PillowResize.resize(edge, 1, 17, f));
            assertEquals(0, out[0], f.name());
            assertEquals(255, out[16], f.name());
        }
    }

    @Test
    void rgbaIsResizedWithPremultipliedAlphaSoTransparentColorsDoNotBleed() {
        ByteImage image = new ByteImage(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0}, 1, 2, 4);
        ByteImage out = PillowResize.resize(image, 1, 4, ResizeFilter.BILINEAR);
        // Pixel 1 = 0.75 opaque red + 0.25 transparent blue: alpha 191, color still pure red.
        assertArrayEquals(new int[] {255, 0, 0, 255, 255, 0, 0, 191}, Arrays.copyOf(values(out), 8));
        assertEquals(0, out.get(0, 2, 2));
    }

    @Test
    void keepAspectRatioCropsTheCentreBeforeResizing() {
        ByteImage wide = TestImages.gradient(10, 20, 1);
        ImageFileReader loader = new ImageFileReader(ImageCodecs.named("imageio"), ColorMode.GRAYSCALE, new int[] {5, 5},
                ResizeFilter.NEAREST, true, true, false);
        ByteImage out = loader.fit(wide);
        // Crop box x in [5, 15): nearest picks columns 5 + {1, 3, 5, 7, 9}, rows {1, 3, 5, 7, 9}.
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(wide.get(2 * r + 1, 5 + 2 * c + 1, 0), out.get(r, c, 0));
            }
        }
        ImageFileReader square = new ImageFileReader(ImageCodecs.named("imageio"), ColorMode.GRAYSCALE, new int[] {10, 10},
                ResizeFilter.BILINEAR, true, true, false);
        ByteImage same = TestImages.gradient(10, 10, 1);
        assertEquals(same, square.fit(same), "a same-size target is a no-op");
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        ByteImage image = TestImages.gradient(4, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> PillowResize.resize(image, 0, 3, ResizeFilter.BOX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PillowResize.resize(image, 2, 2, ResizeFilter.BOX, 0, 0, 5, 4));
        assertTrue(e.getMessage().contains("box"), e.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> ResizeFilter.fromName("cubic"));
        assertEquals("Invalid interpolation method cubic specified. Supported methods are nearest, bilinear, bicubic,"
                + " lanczos, box, hamming. Did you mean 'bicubic'?", name.getMessage());
        IllegalArgumentException unrelated = assertThrows(IllegalArgumentException.class,
                () -> ResizeFilter.fromName("spline"));
        assertEquals("Invalid interpolation method spline specified. Supported methods are nearest, bilinear,"
                + " bicubic, lanczos, box, hamming", unrelated.getMessage(), "Keras's text alone when nothing is close");
        assertEquals(ResizeFilter.BICUBIC, ResizeFilter.fromName("BiCubic"));
    }

    @Test
    void colorModesFollowPillow() {
        ByteImage rgb = new ByteImage(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 10, 20, 30}, 1, 3, 3);
        assertArrayEquals(new int[] {76, 150, 18}, values(ColorConversion.convert(rgb, ColorMode.GRAYSCALE)));
        ByteImage gray = new ByteImage(new byte[] {7}, 1, 1, 1);
        assertArrayEquals(new int[] {7, 7, 7, 255}, values(ColorConversion.convert(gray, ColorMode.RGBA)));
        assertThrows(IllegalArgumentException.class, () -> ColorMode.fromName("cmyk"));
    }

    /**
     * A thread keeps the coefficient tables of the axes it resized last: resizes that differ only
     * in the filter, the box or the sizes, run one after another (twice, so that the second round
     * finds them kept), must equal the same resizes each run on a fresh thread.
     */
    @Test
    void keptCoefficientTablesNeverServeAnotherAxis() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        byte[] pixels = new byte[37 * 53 * 3];
        random.nextBytes(pixels);
        ByteImage image = new ByteImage(pixels, 37, 53, 3);
        List<Supplier<ByteImage>> resizes = List.of(
                () -> PillowResize.resize(image, 20, 24, ResizeFilter.BILINEAR),
                () -> PillowResize.resize(image, 20, 24, ResizeFilter.BICUBIC),
                () -> PillowResize.resize(image, 20, 24, ResizeFilter.BILINEAR, 1, 2, 50, 37),
                () -> PillowResize.resize(image, 20, 25, ResizeFilter.BILINEAR),
                () -> PillowResize.resize(image, 19, 24, ResizeFilter.LANCZOS),
                () -> PillowResize.resize(image, 20, 24, ResizeFilter.HAMMING, 0, 0, 53, 36.5),
                () -> PillowResize.resize(image, 20, 24, ResizeFilter.BOX));
        List<byte[]> fresh = new ArrayList<>();
        for (Supplier<ByteImage> resize : resizes) {
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                fresh.add(thread.submit(() -> resize.get().data()).get());
            } finally {
                thread.shutdown();
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < resizes.size(); k++) {
                assertArrayEquals(fresh.get(k), resizes.get(k).get().data(), "round " + round + ", resize " + k);
            }
        }
    }
}
