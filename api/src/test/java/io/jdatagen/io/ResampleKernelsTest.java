package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendSelector;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every available backend's resampling passes equal the plain-Java ones byte for byte, over a sweep
 * of sizes (shrinking and enlarging, 1 to 600 pixels), channel counts 1 to 4, all five convolution
 * filters and row ranges starting inside the image, with Pillow's coefficient tables; and so do
 * their nearest picks, with Pillow's tables and with arbitrary ones.
 */
class ResampleKernelsTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    @Test
    void everyBackendResamplesAsThePlainJavaPasses() {
        List<Backend> backends = availableBackends();
        assertTrue(backends.size() >= 2, "at least the reference and scalar backends");
        SplittableRandom r = new SplittableRandom(17);
        ResizeFilter[] filters = {ResizeFilter.BILINEAR, ResizeFilter.BICUBIC, ResizeFilter.LANCZOS, ResizeFilter.BOX,
                ResizeFilter.HAMMING};
        for (int trial = 0; trial < 120; trial++) {
            int inW = 1 + r.nextInt(trial < 60 ? 40 : 600);
            int inH = 1 + r.nextInt(30);
            int outW = 1 + r.nextInt(trial < 60 ? 40 : 300);
            int outH = 1 + r.nextInt(30);
            int channels = 1 + r.nextInt(4);
            ResizeFilter filter = filters[r.nextInt(filters.length)];
            byte[] src = new byte[inW * inH * channels];
            r.nextBytes(src);
            ResampleTable cols = PillowResize.coefficients(inW, 0, inW, outW, filter);
            ResampleTable rows = PillowResize.coefficients(inH, 0, inH, outH, filter);
            int firstRow = trial % 2 == 0 ? 0 : r.nextInt(inH);
            byte[] wantRows = new byte[(inH - firstRow) * outW * channels];
            REFERENCE.resampling().resampleRows(src, inW, channels, firstRow, inH - firstRow, cols, wantRows);
            byte[] wantCols = new byte[outH * inW * channels];
            REFERENCE.resampling().resampleColumns(src, inW, channels, rows, wantCols);
            String what = inW + "x" + inH + "x" + channels + " -> " + outW + "x" + outH + " " + filter;
            for (Backend backend : backends) {
                byte[] gotRows = new byte[wantRows.length];
                backend.resampling().resampleRows(src, inW, channels, firstRow, inH - firstRow, cols, gotRows);
                assertArrayEquals(wantRows, gotRows, backend.name() + " rows " + what);
                byte[] gotCols = new byte[wantCols.length];
                backend.resampling().resampleColumns(src, inW, channels, rows, gotCols);
                assertArrayEquals(wantCols, gotCols, backend.name() + " columns " + what);
            }
        }
    }

    @Test
    void everyBackendPicksNearestPixelsAsThePlainJavaPick() {
        List<Backend> backends = availableBackends();
        SplittableRandom r = new SplittableRandom(29);
        for (int trial = 0; trial < 150; trial++) {
            int inW = 1 + r.nextInt(trial % 3 == 0 ? 40 : 700);
            int inH = 1 + r.nextInt(30);
            int outW = 1 + r.nextInt(trial % 3 == 0 ? 300 : 260);
            int outH = 1 + r.nextInt(30);
            int channels = 1 + r.nextInt(4);
            byte[] src = new byte[inW * inH * channels];
            r.nextBytes(src);
            int[] rows = r.ints(outH, 0, inH).toArray();
            int[] cols = trial % 2 == 0 ? pillowColumns(inW, outW) : r.ints(outW, 0, inW).toArray();
            int length = outH * outW * channels;
            byte[] want = new byte[length + 70];
            REFERENCE.resampling().resampleNearest(src, inW, channels, rows, cols, want);
            String what = inW + "x" + inH + "x" + channels + " -> " + outW + "x" + outH
                    + (trial % 2 == 0 ? " Pillow's columns" : " random columns");
            for (Backend backend : backends) {
                byte[] got = new byte[want.length];
                Arrays.fill(got, length, got.length, (byte) 7);
                backend.resampling().resampleNearest(src, inW, channels, rows, cols, got);
                assertArrayEquals(Arrays.copyOf(want, length), Arrays.copyOf(got, length),
                        backend.name() + " " + what);
                for (int i = length; i < got.length; i++) {
                    assertEquals(7, got[i], backend.name() + " wrote past the output, byte " + i + ", " + what);
                }
            }
            ByteImage image = new ByteImage(src, inH, inW, channels);
            ByteImage resized = PillowResize.resize(image, outH, outW, ResizeFilter.NEAREST, REFERENCE);
            for (Backend backend : backends) {
                assertArrayEquals(resized.data(), PillowResize.resize(image, outH, outW, ResizeFilter.NEAREST, backend)
                        .data(), backend.name() + " resize " + what);
            }
        }
    }

    /** Every backend that can run here. */
    private static List<Backend> availableBackends() {
        return Backends.providers().stream().filter(p -> p.availability().available())
                .map(BackendSelector.ProviderStatus::name).map(Backends::named).toList();
    }

    /** The source column under each output pixel centre of a whole-row nearest resize. */
    private static int[] pillowColumns(int inW, int outW) {
        int[] cols = new int[outW];
        for (int x = 0; x < outW; x++) {
            cols[x] = Math.min(inW - 1, (int) ((x + 0.5) * inW / outW));
        }
        return cols;
    }
}
