package io.jdatagen.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Converts a decoded {@link BufferedImage} to a {@link ByteImage} with its own channel layout:
 * the pixel array itself when it is already 8-bit channels in order (RGB, RGBA, gray; see
 * {@link #rgbImage}), direct copies for the other common 8-bit layouts, palette lookup (alpha
 * kept when the palette has transparency), component samples of any depth rounded to 8 bits,
 * one-channel floating-point samples as Pillow converts mode {@code F} to {@code L} (truncated
 * toward zero, clipped to 0..255), and {@code getRGB} for the rest.
 */
final class Rasters {
    private Rasters() {
    }

    static ByteImage toByteImage(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        Raster raster = image.getRaster();
        boolean plain = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        if (plain && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1) {
            byte[] src = buffer.getData();
            if (inChannelOrder(image, h, w, src.length)) {
                return new ByteImage(src, h, w, raster.getNumBands());
            }
            switch (image.getType()) {
                case BufferedImage.TYPE_3BYTE_BGR:
                    return reorder(src, h, w, 3, new int[] {2, 1, 0});
                case BufferedImage.TYPE_4BYTE_ABGR:
                    return reorder(src, h, w, 4, new int[] {3, 2, 1, 0});
                case BufferedImage.TYPE_BYTE_GRAY:
                    return new ByteImage(src.length == h * w ? src.clone() : java.util.Arrays.copyOf(src, h * w), h, w,
                            1);
                default:
                    break;
            }
        }
        ColorModel model = image.getColorModel();
        int type = raster.getDataBuffer().getDataType();
        if ((type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) && raster.getNumBands() == 1) {
            return fromFloatGray(raster, h, w);
        }
        if (model instanceof IndexColorModel palette) {
            return fromPalette(raster, palette, h, w);
        }
        if (model instanceof ComponentColorModel && isGrayOrSrgb(model.getColorSpace())
                && raster.getNumBands() == model.getNumComponents()) {
            return fromComponents(raster, model, h, w);
        }
        return fromRgb(image, h, w);
    }

    /**
     * One float sample per pixel as Pillow's {@code convert("L")} of mode {@code F} gives it: 0 at or
     * below 0, 255 at or above 255, else the value truncated toward zero.
     */
    static byte floatToGray(double v) {
        return (byte) (v <= 0 ? 0 : v >= 255 ? 255 : (int) v);
    }

    private static ByteImage fromFloatGray(Raster raster, int h, int w) {
        byte[] out = new byte[h * w];
        double[] row = new double[w];
        for (int r = 0; r < h; r++) {
            raster.getSamples(0, r, w, 1, 0, row);
            for (int c = 0; c < w; c++) {
                out[r * w + c] = floatToGray(row[c]);
            }
        }
        return new ByteImage(out, h, w, 1);
    }

    /**
     * {@code frame} drawn at ({@code top}, {@code left}) on a canvas of {@code height × width} in the
     * frame's color model, the rest of the canvas the palette's transparent index (else 0): the
     * first frame of a GIF whose logical screen is larger than the frame, as Pillow returns it.
     */
    static BufferedImage onCanvas(BufferedImage frame, int height, int width, int top, int left) {
        ColorModel model = frame.getColorModel();
        java.awt.image.WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        if (model instanceof IndexColorModel palette && palette.getTransparentPixel() > 0) {
            int[] fill = new int[width];
            java.util.Arrays.fill(fill, palette.getTransparentPixel());
            for (int r = 0; r < height; r++) {
                raster.setSamples(0, r, width, 1, 0, fill);
            }
        }
        raster.setRect(left, top, frame.getRaster());
        return new BufferedImage(model, raster, model.isAlphaPremultiplied(), null);
    }

    /**
     * An empty opaque sRGB image whose bytes are R, G, B per pixel: a decoding destination that
     * {@link #toByteImage} takes over without a copy.
     */
    static BufferedImage rgbImage(int height, int width) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 3 * width,
                3, new int[] {0, 1, 2}, null), false, null);
    }

    /** 8-bit sRGB or gray components, not premultiplied, stored pixel after pixel in band order. */
    private static boolean inChannelOrder(BufferedImage image, int h, int w, int length) {
        ColorModel model = image.getColorModel();
        if (!(model instanceof ComponentColorModel) || model.isAlphaPremultiplied()
                || !isGrayOrSrgb(model.getColorSpace())
                || !(image.getSampleModel() instanceof PixelInterleavedSampleModel layout)) {
            return false;
        }
        int bands = layout.getNumBands();
        int[] offsets = layout.getBandOffsets();
        for (int b = 0; b < bands; b++) {
            if (offsets[b] != b || layout.getSampleSize(b) != 8) {
                return false;
            }
        }
        return bands == model.getNumComponents() && layout.getPixelStride() == bands
                && layout.getScanlineStride() == w * bands && length == h * w * bands;
    }

    private static boolean isGrayOrSrgb(ColorSpace space) {
        return space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY;
    }

    private static ByteImage reorder(byte[] src, int h, int w, int channels, int[] sourceOf) {
        byte[] out = new byte[h * w * channels];
        for (int p = 0; p < out.length; p += channels) {
            for (int c = 0; c < channels; c++) {
                out[p + c] = src[p + sourceOf[c]];
            }
        }
        return new ByteImage(out, h, w, channels);
    }

    private static ByteImage fromPalette(Raster raster, IndexColorModel palette, int h, int w) {
        boolean alpha = palette.hasAlpha() || palette.getTransparentPixel() >= 0;
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[h * w * channels];
        int[] row = new int[w];
        for (int r = 0; r < h; r++) {
            raster.getSamples(0, r, w, 1, 0, row);
            for (int c = 0; c < w; c++) {
                putArgb(out, (r * w + c) * channels, palette.getRGB(row[c]), alpha);
            }
        }
        return new ByteImage(out, h, w, channels);
    }

    private static ByteImage fromComponents(Raster raster, ColorModel model, int h, int w) {
        int bands = raster.getNumBands();
        long[] max = new long[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1L << model.getComponentSize(b)) - 1;
        }
        byte[] out = new byte[h * w * bands];
        int[] row = new int[w * bands];
        for (int r = 0; r < h; r++) {
            raster.getPixels(0, r, w, 1, row);
            for (int i = 0; i < row.length; i++) {
                long m = max[i % bands];
                long v = row[i] & 0xFFFFFFFFL;
                out[r * w * bands + i] = (byte) (m == 255 ? v : Math.min(255, (v * 255 + m / 2) / m));
            }
        }
        return new ByteImage(out, h, w, bands);
    }

    private static ByteImage fromRgb(BufferedImage image, int h, int w) {
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[h * w * channels];
        int[] row = new int[w];
        for (int r = 0; r < h; r++) {
            image.getRGB(0, r, w, 1, row, 0, w);
            for (int c = 0; c < w; c++) {
                putArgb(out, (r * w + c) * channels, row[c], alpha);
            }
        }
        return new ByteImage(out, h, w, channels);
    }

    /** Writes an ARGB pixel as R, G, B (and A when {@code alpha}) at {@code o}. */
    private static void putArgb(byte[] out, int o, int argb, boolean alpha) {
        out[o] = (byte) (argb >> 16);
        out[o + 1] = (byte) (argb >> 8);
        out[o + 2] = (byte) argb;
        if (alpha) {
            out[o + 3] = (byte) (argb >>> 24);
        }
    }
}
