package io.jdatagen.aparapi;

import com.aparapi.Kernel;

/**
 * The fused warp for a whole batch in one launch: one work item per output pixel of every image,
 * each image with its own packed source and plan row. Aparapi translates {@link #run()} to
 * OpenCL C, so it uses only primitive fields, arrays and arithmetic (no objects, no allocation).
 * The global size is padded to the work-group size; items past {@code total} do nothing.
 * Coordinates are float32 (error below 1e-4 px for images up to a few thousand pixels), sampling
 * follows scipy's boundary and tap rules as the reference does.
 *
 * <p>A presized image ({@link io.jdatagen.spi.WarpPlan#presizes}) is never stored: the plan's
 * geometry runs on the presized size, and each value it reads is blended on the fly from the
 * source through the image's {@link PresizeTables} (two taps and a weight per presized row and
 * per presized column), as the first of the two warps would have stored it.
 *
 * <p>Per image {@code n}: {@code meta[n·META + ...]} holds the source offset, height, width,
 * channels, whether it is 8-bit, whether it is channels-first, the flags (identity affine, flip
 * rows, flip columns, nearest, color, presize, nearest presize), the fill mode, the wrap
 * convention, the height and width the geometry applies to (the presized size, or the source's)
 * and the first entry of its presize tables; {@code params[n·PARAMS + ...]} holds the six affine
 * coefficients, the fill value, then four scales and four offsets.
 */
final class WarpBatchKernel extends Kernel {
    static final int META = 12;
    static final int PARAMS = 15;
    static final int IDENTITY = 1;
    static final int FLIP_ROWS = 2;
    static final int FLIP_COLS = 4;
    static final int NEAREST = 8;
    static final int COLOUR = 16;
    static final int PRESIZE = 32;
    static final int PRESIZE_NEAREST = 64;
    static final int CONSTANT = 0;
    static final int EDGE = 1;
    static final int REFLECT = 2;
    static final int WRAP = 3;

    byte[] srcBytes = new byte[1];
    float[] srcFloats = new float[1];
    int[] meta = new int[META];
    float[] params = new float[PARAMS];
    int[] axisTaps = new int[2];
    float[] axisWeights = new float[1];
    float[] out = new float[1];
    int outHeight;
    int outWidth;
    int outChannels;
    int outChannelsFirst;
    int total;

    @Override
    public void run() {
        int g = getGlobalId();
        if (g < total) {
            warpPixel(g);
        }
    }

    private void warpPixel(int g) {
        int plane = outHeight * outWidth;
        int n = g / plane;
        int p = g - n * plane;
        int i = p / outWidth;
        int j = p - i * outWidth;
        int m = n * META;
        int q = n * PARAMS;
        int h = meta[m + 9];
        int w = meta[m + 10];
        int flags = meta[m + 6];
        int mode = meta[m + 7];
        int scipyWrap = meta[m + 8];
        int vi = i;
        if ((flags & FLIP_ROWS) != 0) {
            vi = outHeight - 1 - i;
        }
        int vj = j;
        if ((flags & FLIP_COLS) != 0) {
            vj = outWidth - 1 - j;
        }
        int r0 = vi;
        int r1 = vi;
        int k0 = vj;
        int k1 = vj;
        float wr = 1f;
        float wk = 1f;
        int inside = 1;
        int taps = 1;
        if ((flags & IDENTITY) == 0) {
            float c0 = params[q + 2] + vi * params[q] + vj * params[q + 1];
            float c1 = params[q + 5] + vi * params[q + 3] + vj * params[q + 4];
            if (mode == CONSTANT && (c0 < 0f || c0 > h - 1 || c1 < 0f || c1 > w - 1)) {
                inside = 0;
            } else {
                float m0 = mapCoordinate(c0, h, mode, scipyWrap);
                float m1 = mapCoordinate(c1, w, mode, scipyWrap);
                if ((flags & NEAREST) != 0) {
                    r0 = mapTap((int) floor(m0 + 0.5f), h, mode, scipyWrap);
                    k0 = mapTap((int) floor(m1 + 0.5f), w, mode, scipyWrap);
                } else {
                    float f0 = floor(m0);
                    float f1 = floor(m1);
                    wr = 1f - (m0 - f0);
                    wk = 1f - (m1 - f1);
                    r0 = mapTap((int) f0, h, mode, scipyWrap);
                    r1 = mapTap((int) f0 + 1, h, mode, scipyWrap);
                    k0 = mapTap((int) f1, w, mode, scipyWrap);
                    k1 = mapTap((int) f1 + 1, w, mode, scipyWrap);
                    taps = 4;
                }
            }
        }
        float fill = params[q + 6];
        for (int ch = 0; ch < outChannels; ch++) {
            float v = fill;
            if (inside == 1) {
                if (taps == 1) {
                    v = sample(m, r0, k0, ch);
                } else {
                    v = sample(m, r0, k0, ch) * wr * wk + sample(m, r0, k1, ch) * wr * (1f - wk)
                            + sample(m, r1, k0, ch) * (1f - wr) * wk + sample(m, r1, k1, ch) * (1f - wr) * (1f - wk);
                }
            }
            if ((flags & COLOUR) != 0) {
                v = v * params[q + 7 + ch] + params[q + 11 + ch];
            }
            int index = ((n * outHeight + i) * outWidth + j) * outChannels + ch;
            if (outChannelsFirst == 1) {
                index = ((n * outChannels + ch) * outHeight + i) * outWidth + j;
            }
            out[index] = v;
        }
    }

    /** Value (row, col, ch) of the image the geometry reads: the presized image, or the source. */
    private float sample(int m, int row, int col, int ch) {
        float v = 0f;
        int flags = meta[m + 6];
        if ((flags & PRESIZE) == 0) {
            v = source(m, row, col, ch);
        } else {
            int er = meta[m + 11] + row;
            int ec = meta[m + 11] + meta[m + 9] + col;
            int r0 = axisTaps[2 * er];
            int k0 = axisTaps[2 * ec];
            if ((flags & PRESIZE_NEAREST) != 0) {
                v = source(m, r0, k0, ch);
            } else {
                int r1 = axisTaps[2 * er + 1];
                int k1 = axisTaps[2 * ec + 1];
                float wr = axisWeights[er];
                float wk = axisWeights[ec];
                v = source(m, r0, k0, ch) * wr * wk + source(m, r0, k1, ch) * wr * (1f - wk)
                        + source(m, r1, k0, ch) * (1f - wr) * wk + source(m, r1, k1, ch) * (1f - wr) * (1f - wk);
            }
        }
        return v;
    }

    /** Sample (row, col, ch) of the packed source. */
    private float source(int m, int row, int col, int ch) {
        int w = meta[m + 2];
        int c = meta[m + 3];
        int index = meta[m] + (row * w + col) * c + ch;
        if (meta[m + 5] == 1) {
            index = meta[m] + (ch * meta[m + 1] + row) * w + col;
        }
        float v = 0f;
        if (meta[m + 4] == 1) {
            v = srcBytes[index] & 0xff;
        } else {
            v = srcFloats[index];
        }
        return v;
    }

    /** scipy's coordinate map for the non-constant modes (constant is decided by the caller). */
    private float mapCoordinate(float c, int n, int mode, int scipyWrap) {
        float r = c;
        if (mode == REFLECT) {
            r = reflect(c, n);
        } else if (mode == WRAP) {
            if (n == 1) {
                r = 0f;
            } else if (scipyWrap == 1) {
                float sz = n - 1;
                if (c < 0f) {
                    r = c + sz * (truncate(-c / sz) + 1f);
                } else if (c > sz) {
                    r = c - sz * truncate(c / sz);
                }
            } else if (c < 0f || c >= n) {
                r = c - n * floor(c / n);
                if (r >= n) {
                    r = 0f;
                }
            }
        }
        return r;
    }

    /** Half-sample symmetric reflection, scipy's arithmetic. */
    private float reflect(float c, int n) {
        float r = c;
        if (n == 1) {
            r = 0f;
        } else {
            float sz2 = 2f * n;
            if (c < 0f) {
                if (r < -sz2) {
                    r = r + sz2 * truncate(-r / sz2);
                }
                if (r < -n) {
                    r = r + sz2;
                } else {
                    if (r > -1e-15f) {
                        r = 1e-15f - 1f;
                    } else {
                        r = -r - 1f;
                    }
                }
            } else if (c > n - 1) {
                r = r - sz2 * truncate(r / sz2);
                if (r >= n) {
                    r = sz2 - r - 1f;
                }
            }
        }
        return r;
    }

    /** scipy's map of an interpolation tap outside {@code [0, n)}. */
    private int mapTap(int k, int n, int mode, int scipyWrap) {
        int t = k;
        if (k < 0 || k >= n) {
            if (mode == EDGE) {
                t = n - 1;
                if (k < 0) {
                    t = 0;
                }
            } else if (mode == REFLECT) {
                t = (int) reflect(k, n);
            } else if (mode == WRAP && scipyWrap == 0) {
                t = ((k % n) + n) % n;
            } else if (n == 1) {
                t = 0;
            } else {
                int period = 2 * n - 2;
                int mm = ((k % period) + period) % period;
                t = mm;
                if (mm >= n) {
                    t = period - mm;
                }
            }
        }
        return t;
    }

    private float truncate(float v) {
        float r = floor(v);
        if (v < 0f) {
            r = -floor(-v);
        }
        return r;
    }
}
