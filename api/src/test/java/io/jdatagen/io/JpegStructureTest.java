package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JpegStructureTest {
    private static final byte[] JPEG = TestImages.jpeg(TestImages.blocks(48, 64), 0.9f);

    @Test
    void aWholeFileIsComplete() {
        assertTrue(JpegStructure.isComplete(JPEG));
    }

    @Test
    void aFileCutAnywhereInItsScanIsNot() {
        int sos = indexOf(JPEG, 0xDA);
        for (int end = sos + 4; end < JPEG.length - 1; end += 97) {
            assertFalse(JpegStructure.isComplete(Arrays.copyOf(JPEG, end)), "cut at " + end + " of " + JPEG.length);
        }
    }

    @Test
    void anEarlierEoiDoesNotMakeACutFileComplete() {
        // A thumbnail (SOI ... EOI) in an APP1 segment, then the main image cut in its scan.
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(JPEG, 0, 2);
        file.write(0xFF);
        file.write(0xE1);
        file.write(0);
        file.write(2 + thumbnail.length);
        file.writeBytes(thumbnail);
        file.write(JPEG, 2, JPEG.length - 2);
        byte[] whole = file.toByteArray();
        assertTrue(JpegStructure.isComplete(whole));
        assertFalse(JpegStructure.isComplete(Arrays.copyOf(whole, whole.length - 200)));
    }

    @Test
    void bytesAfterTheEoiCountOnlyWhenTheyStartAnotherScan() {
        byte[] trailing = Arrays.copyOf(JPEG, JPEG.length + 16);
        assertTrue(JpegStructure.isComplete(trailing), "zero padding after the EOI");
        byte[] secondScan = Arrays.copyOf(JPEG, JPEG.length + 8);
        secondScan[JPEG.length + 3] = (byte) 0xFF;
        secondScan[JPEG.length + 4] = (byte) 0xDA;
        assertFalse(JpegStructure.isComplete(secondScan), "an SOS after the last EOI");
        assertFalse(JpegStructure.isComplete(new byte[] {(byte) 0xFF, (byte) 0xD8}), "no EOI at all");
    }

    private static int indexOf(byte[] b, int marker) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }
}
