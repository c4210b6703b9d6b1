package io.jdatagen.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.ChannelStatistics;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aparapi backend on the machine's OpenCL device against the reference. Skipped (with the
 * probe's reason) where there is no OpenCL device, except when {@code JDATAGEN_REQUIRE_OPENCL=1}
 * (CI installs PoCL and sets it), where a missing device fails the build.
 */
class AparapiBackendTest {
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();
    private static AparapiBackend backend;

    @BeforeAll
    static void device() {
        backend = (AparapiBackend) OpenClTestSupport.backendOrSkip();
    }

    static WarpPlan randomPlan(SplittableRandom r, int h, int w, int c, boolean identityAllowed) {
        double t = Math.toRadians(r.nextDouble(-40, 40));
        double z = r.nextDouble(0.7, 1.3);
        double[] m = {Math.cos(t) * z, -Math.sin(t) * z, r.nextDouble(-h / 4.0, h / 4.0) + h * 0.1,
            Math.sin(t) * z, Math.cos(t) * z, r.nextDouble(-w / 4.0, w / 4.0) - w * 0.1};
        WarpPlan.Builder b = WarpPlan.builder().inverseAffine(identityAllowed && r.nextInt(6) == 0 ? null : m)
                .flips(r.nextBoolean(), r.nextBoolean())
                .interpolation(r.nextBoolean() ? Interpolation.NEAREST : Interpolation.BILINEAR)
                .fill(FillMode.values()[r.nextInt(4)], r.nextDouble(0, 255))
                .wrapConvention(r.nextBoolean() ? WrapConvention.SCIPY : WrapConvention.PERIODIC);
        if (r.nextBoolean()) {
            float[] scale = new float[c];
            float[] offset = new float[c];
            for (int k = 0; k < c; k++) {
                scale[k] = (float) r.nextDouble(0.001, 0.01);
                offset[k] = (float) r.nextDouble(-1, 1);
            }
            b.color(scale, offset);
        }
        return b.build();
    }

    static SourceImage randomSource(SplittableRandom r, int h, int w, int c) {
        if (r.nextBoolean()) {
            byte[] bytes = new byte[h * w * c + 5];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, 5, h, w, c);
        }
        DataFormat f = r.nextBoolean() ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
        Tensor t = Tensor.zeros(f.imageShape(h, w, c));
        for (int k = 0; k < t.size(); k++) {
            t.data()[k] = (float) r.nextDouble(0, 255);
        }
        return SourceImage.of(t, f);
    }

    /** Share of values within 2e-4 of the value range; order 0 and fold boundaries may flip a few. */
    static double agreement(Tensor got, Tensor want) {
        double range = 1;
        for (float v : want.data()) {
            range = Math.max(range, Math.abs(v));
        }
        int close = 0;
        for (int k = 0; k < want.size(); k++) {
            close += Math.abs(got.data()[k] - want.data()[k]) <= 2e-4 * range ? 1 : 0;
        }
        return close / (double) want.size();
    }

    @Test
    void aBatchInOneLaunchEqualsTheReferencePerImage() {
        assertTrue(backend.warpsBatchesAtOnce(), "callers must hand the device whole batches");
        SplittableRandom r = new SplittableRandom(11);
        for (DataFormat format : DataFormat.values()) {
            int h = 23;
            int w = 31;
            int c = 3;
            List<SourceImage> sources = new ArrayList<>();
            List<WarpPlan> plans = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                int sh = 10 + r.nextInt(30);
                int sw = 10 + r.nextInt(30);
                sources.add(randomSource(r, sh, sw, c));
                plans.add(randomPlan(r, sh, sw, c, false));
            }
            Tensor want = Tensor.zeros(16, format == DataFormat.CHANNELS_LAST ? h : c, format == DataFormat.CHANNELS_LAST
                    ? w : h, format == DataFormat.CHANNELS_LAST ? c : w);
            Tensor got = Tensor.zeros(want.shape());
            REFERENCE.warpBatch(sources, plans, want, format);
            long before = backend.launches();
            backend.warpBatch(sources, plans, got, format);
            assertEquals(before + 1, backend.launches(), "one launch for the batch, on OpenCL");
            assertTrue(agreement(got, want) > 0.995, "agreement " + agreement(got, want) + " " + format);
        }
    }

    @Test
    void singleImagesAndSlotsMatchTheReference() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 30; trial++) {
            int h = 1 + r.nextInt(40);
            int w = 1 + r.nextInt(40);
            int c = new int[] {1, 3, 4}[r.nextInt(3)];
            SourceImage s = randomSource(r, h, w, c);
            WarpPlan p = randomPlan(r, h, w, c, true);
            DataFormat f = r.nextBoolean() ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            Tensor want = Tensor.zeros(3, f.imageShape(h, w, c)[0], f.imageShape(h, w, c)[1], f.imageShape(h, w, c)[2]);
            Tensor got = Tensor.zeros(want.shape());
            REFERENCE.warp(s, p, OutputSlot.of(want, 2, f));
            backend.warp(s, p, OutputSlot.of(got, 2, f));
            assertTrue(agreement(got, want) > 0.98, "trial " + trial + ": " + p);
            for (int k = 0; k < 2 * got.itemSize(); k++) {
                assertEquals(0, got.data()[k], "other slots untouched");
            }
        }
    }

    @Test
    void statisticsAndProductMatchTheReference() {
        SplittableRandom r = new SplittableRandom(3);
        for (DataFormat f : DataFormat.values()) {
            Tensor batch = Tensor.zeros(7, 13, 17, 3);
            for (int k = 0; k < batch.size(); k++) {
                batch.data()[k] = (float) r.nextDouble(0, 255);
            }
            ChannelStatistics want = REFERENCE.channelStatistics(batch, f);
            ChannelStatistics got = backend.channelStatistics(batch, f);
            for (int c = 0; c < want.mean().length; c++) {
                assertEquals(want.mean()[c], got.mean()[c], 1e-5 * Math.abs(want.mean()[c]), "mean " + f);
                assertEquals(want.std()[c], got.std()[c], 1e-5 * want.std()[c], "std " + f);
            }
        }
        int rows = 9;
        int inner = 300;
        int cols = 40;
        float[] a = new float[rows * inner];
        double[] b = new double[inner * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) r.nextGaussian();
        }
        for (int k = 0; k < b.length; k++) {
            b[k] = r.nextGaussian();
        }
        float[] want = new float[rows * cols];
        float[] got = new float[rows * cols];
        REFERENCE.multiply(a, rows, inner, b, cols, want);
        backend.multiply(a, rows, inner, b, cols, got);
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], got[k], 1e-4 * Math.sqrt(inner), "product element " + k);
        }
    }

    @Test
    void theProviderReportsTheDeviceAndItsPolicy() {
        AparapiBackendProvider provider = new AparapiBackendProvider();
        Availability a = provider.probe();
        assertTrue(a.available(), a.reason());
        assertTrue(a.reason().startsWith("OpenCL "), a.reason());
        int expected = a.reason().contains("OpenCL CPU") ? AparapiBackendProvider.CPU_DEVICE_PRIORITY
                : AparapiBackendProvider.GPU_PRIORITY;
        assertEquals(expected, provider.priority());
        Backend created = provider.create();
        assertTrue(created.describe().startsWith("Aparapi on OpenCL"), created.describe());
    }
}
