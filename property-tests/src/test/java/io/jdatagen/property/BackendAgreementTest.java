package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.image.AffineMatrix;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageAxes;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import io.jdatagen.spi.reference.ScipyBoundary;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every available backend against the reference on random images (1×1 to 300×300, odd sizes,
 * 1/3/4 channels, 8-bit and float sources in both layouts), random plans (all fill modes, both
 * orders, both wrap conventions, flips, color) and both output layouts. Values must agree within
 * 2e-4 of the value range, except on pixels whose reference coordinate lies within 2e-3 px of a
 * decision boundary (order-0 rounding, the constant cut, scipy wrap's fold), where a float
 * coordinate may legitimately fall on the other side. Presized plans (a source of another size
 * resized first) agree the same way with the reference's two warps, pixels that read a presized
 * row or column whose order-0 rounding lies near its boundary aside.
 */
class BackendAgreementTest {
    private static final double BOUNDARY = 2e-3;
    private static final ReferenceBackend REFERENCE = new ReferenceBackend();

    /** One random warp problem. */
    record Case(SourceImage source, Tensor image, byte[] bytes, WarpPlan plan, DataFormat outFormat, int h, int w,
            int c, String what) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Case generate(SplittableRandom r, int size) {
        return generate(r, 1 + r.nextInt(size), 1 + r.nextInt(size), new int[] {1, 3, 4}[r.nextInt(3)],
                r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST);
    }

    /** A random case for an {@code h × w × c} image written in {@code outFormat}. */
    static Case generate(SplittableRandom r, int h, int w, int c, DataFormat outFormat) {
        int kind = r.nextInt(3);
        SourceImage source;
        Tensor image = null;
        byte[] bytes = null;
        DataFormat inFormat = kind == 2 ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
        if (kind == 0) {
            bytes = new byte[h * w * c];
            r.nextBytes(bytes);
            source = SourceImage.ofBytes(bytes, 0, h, w, c);
        } else {
            image = Tensor.zeros(inFormat.imageShape(h, w, c));
            for (int i = 0; i < image.size(); i++) {
                image.data()[i] = (float) r.nextDouble(0, 255);
            }
            source = SourceImage.of(image, inFormat);
        }
        Compatibility compatibility = r.nextBoolean() ? Compatibility.DOCUMENTED : Compatibility.KERAS_REFERENCE;
        double[] affine = r.nextInt(8) == 0 ? null : AffineMatrix.inverse(r.nextDouble(-180, 180),
                r.nextDouble(-w, w) / 2, r.nextDouble(-h, h) / 2, r.nextInt(3) == 0 ? r.nextDouble(-30, 30) : 0,
                r.nextDouble(0.5, 1.5), r.nextDouble(0.5, 1.5), new int[] {h, w, c}, ImageAxes.CHANNELS_LAST,
                compatibility);
        FillMode mode = FillMode.values()[r.nextInt(FillMode.values().length)];
        Interpolation interpolation = r.nextInt(6) == 0 ? Interpolation.fromOrder(2 + r.nextInt(4))
                : r.nextBoolean() ? Interpolation.BILINEAR : Interpolation.NEAREST;
        WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(affine).flips(r.nextBoolean(), r.nextBoolean())
                .interpolation(interpolation)
                .fill(mode, r.nextDouble(-10, 300)).wrapConvention(compatibility.wrapConvention());
        if (r.nextBoolean()) {
            float[] scale = new float[c];
            float[] offset = new float[c];
            for (int k = 0; k < c; k++) {
                scale[k] = (float) r.nextDouble(-0.02, 0.02);
                offset[k] = (float) r.nextDouble(-1, 1);
            }
            plan.color(scale, offset);
        }
        WarpPlan p = plan.build();
        String what = h + "x" + w + "x" + c + " " + (kind == 0 ? "u8" : "f32 " + inFormat) + " -> " + outFormat + " "
                + p;
        return new Case(source, image, bytes, p, outFormat, h, w, c, what);
    }

    private static List<Backend> others() {
        return AvailableBackends.all().stream().filter(b -> !b.name().equals(ReferenceBackend.NAME)).toList();
    }

    @Test
    void everyBackendMatchesTheReference() {
        List<Backend> backends = others();
        Assumptions.assumeFalse(backends.isEmpty(), "only the reference backend is available in this JVM");
        for (Backend backend : backends) {
            Property.forAll(backend.name() + " vs reference", 150, 300, BackendAgreementTest::generate,
                    c -> compare(backend, c));
        }
    }

    /** A random batch of 1 to 6 cases sharing the output size, channels and layout. */
    static List<Case> generateBatch(SplittableRandom r, int size) {
        int h = 1 + r.nextInt(size);
        int w = 1 + r.nextInt(size);
        int c = new int[] {1, 3, 4}[r.nextInt(3)];
        DataFormat out = r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        List<Case> cases = new java.util.ArrayList<>();
        for (int k = 1 + r.nextInt(6); k > 0; k--) {
            cases.add(generate(r, h, w, c, out));
        }
        return cases;
    }

    @Test
    void everyBackendsBatchWarpMatchesTheReferencePerImage() {
        List<Backend> backends = others();
        Assumptions.assumeFalse(backends.isEmpty(), "only the reference backend is available in this JVM");
        for (Backend backend : backends) {
            Property.forAll(backend.name() + " batch vs reference", 60, 120, BackendAgreementTest::generateBatch,
                    cases -> compareBatch(backend, cases));
        }
    }

    /** {@link #generate} for an {@code h × w} output whose plan first presizes a source of another size. */
    static Case generatePresized(SplittableRandom r, int h, int w, int c, DataFormat outFormat, int size) {
        Case geometry = generate(r, h, w, c, outFormat);
        Case source = generate(r, 1 + r.nextInt(size), 1 + r.nextInt(size), c, outFormat);
        Interpolation resize = r.nextInt(6) == 0 ? Interpolation.CUBIC
                : r.nextBoolean() ? Interpolation.BILINEAR : Interpolation.NEAREST;
        WarpPlan plan = geometry.plan().toBuilder().presize(h, w, resize).build();
        String what = source.source() + " presized " + h + "x" + w + " -> " + outFormat + " " + plan;
        return new Case(source.source(), source.image(), source.bytes(), plan, outFormat, h, w, c, what);
    }

    static Case generatePresized(SplittableRandom r, int size) {
        return generatePresized(r, 1 + r.nextInt(size), 1 + r.nextInt(size), new int[] {1, 3, 4}[r.nextInt(3)],
                r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST, size);
    }

    @Test
    void everyBackendMatchesTheReferenceOnPresizedPlans() {
        List<Backend> backends = others();
        Assumptions.assumeFalse(backends.isEmpty(), "only the reference backend is available in this JVM");
        for (Backend backend : backends) {
            Property.forAll(backend.name() + " presized vs reference", 100, 200,
                    BackendAgreementTest::generatePresized, c -> compare(backend, c));
        }
    }

    @Test
    void everyBackendsPresizedBatchMatchesTheReferencePerImage() {
        List<Backend> backends = others();
        Assumptions.assumeFalse(backends.isEmpty(), "only the reference backend is available in this JVM");
        for (Backend backend : backends) {
            Property.forAll(backend.name() + " presized batch vs reference", 40, 120, (r, size) -> {
                int h = 1 + r.nextInt(size);
                int w = 1 + r.nextInt(size);
                int c = new int[] {1, 3, 4}[r.nextInt(3)];
                DataFormat out = r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
                List<Case> cases = new java.util.ArrayList<>();
                for (int k = 1 + r.nextInt(6); k > 0; k--) {
                    cases.add(generatePresized(r, h, w, c, out, size));
                }
                return cases;
            }, cases -> compareBatch(backend, cases));
        }
    }

    private static Tensor batchFor(Case c, int n) {
        return c.outFormat() == DataFormat.CHANNELS_FIRST ? Tensor.zeros(n, c.c(), c.h(), c.w())
                : Tensor.zeros(n, c.h(), c.w(), c.c());
    }

    private static void compareBatch(Backend backend, List<Case> cases) {
        Case first = cases.get(0);
        Tensor want = batchFor(first, cases.size() + 1);
        Tensor got = batchFor(first, cases.size() + 1);
        Arrays.fill(got.data(), Float.NaN);
        List<SourceImage> sources = cases.stream().map(Case::source).toList();
        List<WarpPlan> plans = cases.stream().map(Case::plan).toList();
        REFERENCE.warpBatch(sources, plans, want, first.outFormat());
        backend.warpBatch(sources, plans, got, first.outFormat());
        for (int k = 0; k < cases.size(); k++) {
            check(cases.get(k), got, want, OutputSlot.of(want, k, first.outFormat()));
        }
        for (int k = cases.size() * got.itemSize(); k < got.size(); k++) {
            assertTrue(Float.isNaN(got.data()[k]), "wrote past the last source's slot at " + k);
        }
    }

    private static void compare(Backend backend, Case c) {
        Tensor want = batchFor(c, 2);
        Tensor got = batchFor(c, 2);
        Arrays.fill(got.data(), Float.NaN);
        REFERENCE.warp(c.source(), c.plan(), OutputSlot.of(want, 1, c.outFormat()));
        backend.warp(c.source(), c.plan(), OutputSlot.of(got, 1, c.outFormat()));
        OutputSlot slot = OutputSlot.of(want, 1, c.outFormat());
        check(c, got, want, slot);
        for (int k = 0; k < slot.baseOffset(); k++) {
            assertTrue(Float.isNaN(got.data()[k]), "wrote outside its slot at " + k);
        }
    }

    /** Values of {@code slot} agree within 2e-4 of the range, boundary pixels aside. */
    private static void check(Case c, Tensor got, Tensor want, OutputSlot slot) {
        double range = 0;
        for (float v : want.item(slot.index()).data()) {
            range = Math.max(range, Math.abs(v));
        }
        double tolerance = 2e-4 * Math.max(range, 1);
        int mismatches = 0;
        String first = "";
        for (int i = 0; i < c.h(); i++) {
            for (int j = 0; j < c.w(); j++) {
                if (onBoundary(c, i, j) || readsNearPresizeRounding(c, i, j)) {
                    continue;
                }
                for (int ch = 0; ch < c.c(); ch++) {
                    int k = slot.index(i, j, ch);
                    if (!(Math.abs(got.data()[k] - want.data()[k]) <= tolerance)) {
                        if (mismatches++ == 0) {
                            first = " first at (" + i + "," + j + "," + ch + "): got " + got.data()[k] + " want "
                                    + want.data()[k];
                        }
                    }
                }
            }
        }
        assertTrue(mismatches == 0, "slot " + slot.index() + ": " + mismatches + " values differ beyond " + tolerance
                + first);
    }

    /** Whether output pixel (i, j) has a reference coordinate near a decision boundary. */
    private static boolean onBoundary(Case c, int i, int j) {
        WarpPlan p = c.plan();
        if (p.isIdentityAffine()) {
            return false;
        }
        int vi = p.flipRows() ? c.h() - 1 - i : i;
        int vj = p.flipCols() ? c.w() - 1 - j : j;
        double c0 = p.affine(2) + vi * p.affine(0) + vj * p.affine(1);
        double c1 = p.affine(5) + vi * p.affine(3) + vj * p.affine(4);
        return near(c, c0, c.h()) || near(c, c1, c.w());
    }

    /**
     * Whether output pixel (i, j) of a plan with an order-0 presize reads a presized row or column
     * whose source coordinate lies near its rounding boundary (any, for B-spline plans, whose
     * prefilter spreads every value); the presized image's coordinates are {@code c.h() × c.w()}.
     */
    private static boolean readsNearPresizeRounding(Case c, int i, int j) {
        WarpPlan p = c.plan();
        if (!p.presizes(c.source().height(), c.source().width())
                || p.presizeInterpolation() != Interpolation.NEAREST) {
            return false;
        }
        WarpPlan resize = p.presizePlan(c.source().height(), c.source().width());
        boolean[] rows = new boolean[c.h()];
        boolean[] cols = new boolean[c.w()];
        boolean any = false;
        for (int r = 0; r < c.h(); r++) {
            rows[r] = distanceToInteger(resize.affine(2) + r * resize.affine(0) + 0.5) < BOUNDARY;
            any |= rows[r];
        }
        for (int k = 0; k < c.w(); k++) {
            cols[k] = distanceToInteger(resize.affine(5) + k * resize.affine(4) + 0.5) < BOUNDARY;
            any |= cols[k];
        }
        int vi = p.flipRows() ? c.h() - 1 - i : i;
        int vj = p.flipCols() ? c.w() - 1 - j : j;
        if (p.isIdentityAffine()) {
            return rows[vi] || cols[vj];
        }
        if (p.interpolation().order() > 1) {
            return any;
        }
        double c0 = p.affine(2) + vi * p.affine(0) + vj * p.affine(1);
        double c1 = p.affine(5) + vi * p.affine(3) + vj * p.affine(4);
        return readsNear(p, c0, rows) || readsNear(p, c1, cols);
    }

    /** Whether the taps of coordinate {@code x} on an axis include a flagged index. */
    private static boolean readsNear(WarpPlan p, double x, boolean[] flagged) {
        int n = flagged.length;
        double m = ScipyBoundary.mapCoordinate(x, n, p.fillMode(), p.wrapConvention());
        if (Double.isNaN(m)) {
            return false;
        }
        long first = p.interpolation() == Interpolation.NEAREST ? (long) Math.floor(m + 0.5) : (long) Math.floor(m);
        for (long k = first; k <= first + p.interpolation().order(); k++) {
            int t = ScipyBoundary.mapTap(k, n, p.fillMode(), p.wrapConvention());
            if (t >= 0 && flagged[t]) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(Case c, double x, int n) {
        WarpPlan p = c.plan();
        if (p.interpolation() == Interpolation.NEAREST && distanceToInteger(x + 0.5) < BOUNDARY) {
            return true;
        }
        if (p.fillMode() == FillMode.CONSTANT && (Math.abs(x) < BOUNDARY || Math.abs(x - (n - 1)) < BOUNDARY)) {
            return true;
        }
        if (p.fillMode() == FillMode.WRAP && p.wrapConvention() == WrapConvention.SCIPY && n > 1) {
            return distanceToInteger(x / (n - 1)) * (n - 1) < BOUNDARY;
        }
        return false;
    }

    private static double distanceToInteger(double v) {
        return Math.abs(v - Math.rint(v));
    }
}
