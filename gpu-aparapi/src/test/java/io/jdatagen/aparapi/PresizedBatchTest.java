package io.jdatagen.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presized plans on the aparapi backend: a batch of them (images, or masks with nearest picks and
 * a constant fill) is one OpenCL launch, and agrees with the reference's two warps (resize into
 * float32, then the plan) within the tolerance of {@link AparapiBackendTest}. Skipped, or failed
 * under {@code JDATAGEN_REQUIRE_OPENCL=1}, as that test is.
 */
class PresizedBatchTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static final int H = 23;
    private static final int W = 31;
    private static AparapiBackend backend;

    @BeforeAll
    static void device() {
        backend = (AparapiBackend) OpenClTestSupport.backendOrSkip();
    }

    private static Tensor batch(DataFormat format, int n, int c) {
        int[] image = format.imageShape(H, W, c);
        return Tensor.zeros(n, image[0], image[1], image[2]);
    }

    /** Warps the batch on both backends, checks the launch count and returns the share of close values. */
    private static double oneLaunchAgreement(List<SourceImage> sources, List<WarpPlan> plans, DataFormat format,
            int c) {
        Tensor want = batch(format, sources.size(), c);
        Tensor got = batch(format, sources.size(), c);
        REFERENCE.warpBatch(sources, plans, want, format);
        long before = backend.launches();
        backend.warpBatch(sources, plans, got, format);
        assertEquals(before + 1, backend.launches(), "one launch for the presized batch, on OpenCL");
        return AparapiBackendTest.agreement(got, want);
    }

    @Test
    void aBatchOfPresizedImagesIsOneLaunchAndMatchesTheTwoWarps() {
        SplittableRandom r = new SplittableRandom(41);
        for (DataFormat format : DataFormat.values()) {
            for (Interpolation resize : new Interpolation[] {Interpolation.BILINEAR, Interpolation.NEAREST}) {
                List<SourceImage> sources = new ArrayList<>();
                List<WarpPlan> plans = new ArrayList<>();
                for (int k = 0; k < 16; k++) {
                    // Down- and up-sizing, and one source that already has the size.
                    int sh = k == 5 ? H : 5 + r.nextInt(60);
                    int sw = k == 5 ? W : 5 + r.nextInt(60);
                    sources.add(AparapiBackendTest.randomSource(r, sh, sw, 3));
                    plans.add(AparapiBackendTest.randomPlan(r, H, W, 3, true).toBuilder().presize(H, W, resize)
                            .build());
                }
                double agreement = oneLaunchAgreement(sources, plans, format, 3);
                assertTrue(agreement > 0.995, "agreement " + agreement + " " + format + " " + resize);
            }
        }
    }

    @Test
    void aBatchOfPresizedMasksIsOneLaunchAndMatchesTheTwoWarps() {
        SplittableRandom r = new SplittableRandom(42);
        for (DataFormat format : DataFormat.values()) {
            List<SourceImage> sources = new ArrayList<>();
            List<WarpPlan> plans = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                int sh = 5 + r.nextInt(60);
                int sw = 5 + r.nextInt(60);
                byte[] labels = new byte[sh * sw];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = (byte) r.nextInt(6);
                }
                sources.add(SourceImage.ofBytes(labels, 0, sh, sw, 1));
                WarpPlan geometry = AparapiBackendTest.randomPlan(r, H, W, 1, false);
                plans.add(WarpPlan.builder().inverseAffine(geometry.inverseAffine())
                        .flips(geometry.flipRows(), geometry.flipCols()).interpolation(Interpolation.NEAREST)
                        .fill(FillMode.CONSTANT, 255).presize(H, W, Interpolation.NEAREST).build());
            }
            double agreement = oneLaunchAgreement(sources, plans, format, 1);
            assertTrue(agreement > 0.995, "agreement " + agreement + " " + format);
        }
    }

    @Test
    void aBsplinePresizeIsResizedOnTheReferenceAndTheWarpStillOneLaunch() {
        SplittableRandom r = new SplittableRandom(43);
        List<SourceImage> sources = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            sources.add(AparapiBackendTest.randomSource(r, 5 + r.nextInt(60), 5 + r.nextInt(60), 3));
            plans.add(AparapiBackendTest.randomPlan(r, H, W, 3, false).toBuilder()
                    .presize(H, W, Interpolation.CUBIC).build());
        }
        double agreement = oneLaunchAgreement(sources, plans, DataFormat.CHANNELS_LAST, 3);
        assertTrue(agreement > 0.995, "agreement " + agreement);
    }

    @Test
    void theFusedLaunchResizesThenWarpsRatherThanResamplingOnce() {
        SplittableRandom r = new SplittableRandom(44);
        List<SourceImage> sources = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        List<WarpPlan> composed = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            int sh = 4 * H + r.nextInt(9);
            int sw = 4 * W + r.nextInt(9);
            Tensor noise = Tensor.zeros(sh, sw, 3);
            for (int i = 0; i < noise.size(); i++) {
                noise.data()[i] = (float) r.nextDouble(0, 255);
            }
            sources.add(SourceImage.of(noise, DataFormat.CHANNELS_LAST));
            WarpPlan outer = WarpPlan.builder().inverseAffine(new double[] {0.9, 0.1, 1.3, -0.1, 0.9, 2.1})
                    .interpolation(Interpolation.BILINEAR).build();
            WarpPlan plan = outer.toBuilder().presize(H, W, Interpolation.BILINEAR).build();
            plans.add(plan);
            // The single resampling through the composed map: what the two passes must not be.
            double[] m = outer.inverseAffine();
            double[] s = plan.presizePlan(sh, sw).inverseAffine();
            composed.add(outer.toBuilder().inverseAffine(new double[] {s[0] * m[0], s[0] * m[1], s[0] * m[2] + s[2],
                s[4] * m[3], s[4] * m[4], s[4] * m[5] + s[5]}).build());
        }
        Tensor got = batch(DataFormat.CHANNELS_LAST, 8, 3);
        Tensor once = batch(DataFormat.CHANNELS_LAST, 8, 3);
        backend.warpBatch(sources, plans, got, DataFormat.CHANNELS_LAST);
        REFERENCE.warpBatch(sources, composed, once, DataFormat.CHANNELS_LAST);
        double agreement = AparapiBackendTest.agreement(got, once);
        assertTrue(agreement < 0.5, "the fused launch matches a single resampling: " + agreement);
    }

    @Test
    void singlePresizedWarpsMatchTheReference() {
        SplittableRandom r = new SplittableRandom(45);
        for (int trial = 0; trial < 30; trial++) {
            int h = 1 + r.nextInt(40);
            int w = 1 + r.nextInt(40);
            int c = new int[] {1, 3, 4}[r.nextInt(3)];
            SourceImage s = AparapiBackendTest.randomSource(r, 1 + r.nextInt(50), 1 + r.nextInt(50), c);
            WarpPlan p = AparapiBackendTest.randomPlan(r, h, w, c, true).toBuilder()
                    .presize(h, w, r.nextBoolean() ? Interpolation.NEAREST : Interpolation.BILINEAR).build();
            DataFormat f = r.nextBoolean() ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            int[] image = f.imageShape(h, w, c);
            Tensor want = Tensor.zeros(3, image[0], image[1], image[2]);
            Tensor got = Tensor.zeros(want.shape());
            REFERENCE.warp(s, p, OutputSlot.of(want, 2, f));
            long before = backend.launches();
            backend.warp(s, p, OutputSlot.of(got, 2, f));
            assertEquals(before + 1, backend.launches(), "one launch for a presized image");
            assertTrue(AparapiBackendTest.agreement(got, want) > 0.98, "trial " + trial + ": " + s + " " + p);
            for (int k = 0; k < 2 * got.itemSize(); k++) {
                assertEquals(0, got.data()[k], "other slots untouched");
            }
        }
    }
}
