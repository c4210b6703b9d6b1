package io.jdatagen.spi.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.reference.PillowResample;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scalar row pass equals Pillow's byte for byte where its own structure could go wrong: bands of rows
 * (images taller than a band, ending inside one, a first row inside the image, images too wide for a full
 * band), columns a table never reads, outputs with no tap, negative weights and sums beyond both ends of the
 * 8-bit range, 1 to 4 channels.
 */
class ScalarResampleTest {
    private static final PillowResample PILLOW = new PillowResample();
    private final ScalarResample scalar = new ScalarResample();

    @Test
    void rowPassEqualsPillowsOverBandsAndArbitraryTables() {
        SplittableRandom r = new SplittableRandom(41);
        for (int trial = 0; trial < 200; trial++) {
            int inW = 1 + r.nextInt(trial % 4 == 0 ? 7 : 300);
            int inH = 1 + r.nextInt(3 * ScalarResample.BAND + 10);
            int channels = 1 + r.nextInt(4);
            int outW = 1 + r.nextInt(120);
            int firstRow = trial % 3 == 0 ? 0 : r.nextInt(inH);
            byte[] src = new byte[inW * inH * channels];
            r.nextBytes(src);
            ResampleTable table = randomTable(r, inW, outW);
            int rows = inH - firstRow;
            byte[] want = new byte[rows * outW * channels];
            byte[] got = new byte[want.length];
            PILLOW.resampleRows(src, inW, channels, firstRow, rows, table, want);
            scalar.resampleRows(src, inW, channels, firstRow, rows, table, got);
            assertArrayEquals(want, got, inW + "x" + inH + "x" + channels + " from row " + firstRow + " -> " + outW
                    + " columns, " + table.taps() + " taps");
        }
    }

    @Test
    void oneThreadsScratchServesWiderThenNarrowerImages() {
        SplittableRandom r = new SplittableRandom(43);
        for (int inW : new int[] {20, 400, 3, 150}) {
            for (int channels = 1; channels <= 4; channels++) {
                int inH = 2 * ScalarResample.BAND + 1;
                byte[] src = new byte[inW * inH * channels];
                r.nextBytes(src);
                ResampleTable table = randomTable(r, inW, 1 + r.nextInt(60));
                byte[] want = new byte[inH * table.outSize() * channels];
                byte[] got = new byte[want.length];
                PILLOW.resampleRows(src, inW, channels, 0, inH, table, want);
                scalar.resampleRows(src, inW, channels, 0, inH, table, got);
                assertArrayEquals(want, got, inW + " wide, " + channels + " channels");
            }
        }
    }

    @Test
    void imagesTooWideForAFullBandGoInFewerRows() {
        SplittableRandom r = new SplittableRandom(47);
        int channels = 4;
        int inW = ScalarResample.MOST_COLUMN_VALUES / channels / 5 + 3;
        int inH = 13;
        byte[] src = new byte[inW * inH * channels];
        r.nextBytes(src);
        ResampleTable table = randomTable(r, inW, 40);
        byte[] want = new byte[inH * table.outSize() * channels];
        byte[] got = new byte[want.length];
        PILLOW.resampleRows(src, inW, channels, 0, inH, table, want);
        scalar.resampleRows(src, inW, channels, 0, inH, table, got);
        assertArrayEquals(want, got, inW + " wide: bands of 4 rows");
    }

    /**
     * A table of {@code outSize} outputs reading windows of {@code [0, inSize)}: up to 6 taps, some outputs with
     * none, weights of either sign up to 2^23 (Pillow's are up to 2^22 and sum to it; larger ones push sums
     * past both ends of the 8-bit range, so the clamps are exercised).
     */
    private static ResampleTable randomTable(SplittableRandom r, int inSize, int outSize) {
        int taps = 1 + r.nextInt(Math.min(6, inSize));
        int[] bounds = new int[2 * outSize];
        int[] weights = new int[outSize * taps];
        for (int x = 0; x < outSize; x++) {
            int count = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(taps);
            bounds[2 * x] = r.nextInt(inSize - count + 1);
            bounds[2 * x + 1] = count;
            for (int t = 0; t < count; t++) {
                weights[x * taps + t] = r.nextInt(-(1 << 21), 1 << 23);
            }
        }
        return new ResampleTable(outSize, taps, bounds, weights);
    }
}
