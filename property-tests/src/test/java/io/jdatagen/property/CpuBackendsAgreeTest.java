package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two CPU backends, {@code scalar} and {@code simd}, write identical bytes. Every family of
 * kernel choices (8-bit, float channels-last and float channels-first sources × 1, 3 and 4 channels ×
 * nearest, bilinear and cubic × every fill mode × identity, flip, scale and random affine geometry)
 * runs a few random batches; mixed batches add presized sources and every spline order; wide rows
 * cross several vector lengths and a tail. Sizes start at one pixel, flips, color steps, fill values
 * and wrap conventions are drawn, and each batch goes into heap float32 or buffer float32, float16 or
 * uint8 in either layout. Floats are compared by their bits, buffers byte by byte.
 *
 * <p>This is what lets a seed give the same batches whichever of the two a JVM selects (with or
 * without the Vector API flag, on any JDK from 17, on AVX2 or AVX-512). It runs wherever
 * {@code simd} is available: the build passes {@code --add-modules jdk.incubator.vector} to the tests
 * on every JDK, and CI runs them on JDK 17 and 25.
 */
class CpuBackendsAgreeTest {
    private static final String SIMD = "simd";

    /** One batch: its sources and plans, the output type and layout, and a description per image. */
    record Sweep(List<SourceImage> sources, List<WarpPlan> plans, List<String> what, ElementType type,
            boolean heap, DataFormat format, int h, int w, int c) {
        @Override
        public String toString() {
            return (heap ? "heap " : "buffer ") + type + " " + format + " " + h + "x" + w + "x" + c + " " + what;
        }
    }

    /** How a plan's geometry is drawn. */
    enum Geometry {
        IDENTITY, FLIPS, SCALE, AFFINE
    }

    /** How a source is stored. */
    enum Source {
        BYTES, FLOAT_CHANNELS_LAST, FLOAT_CHANNELS_FIRST
    }

    /** The kernel choices a case pins down: the rest (sizes, flips, color, fill value, output) is drawn. */
    record Family(Source source, int channels, Interpolation interpolation, FillMode fill, Geometry geometry) {
        static Family random(SplittableRandom r, int channels) {
            return new Family(Source.values()[r.nextInt(Source.values().length)], channels,
                    r.nextInt(8) == 0 ? Interpolation.fromOrder(2 + r.nextInt(4))
                            : r.nextBoolean() ? Interpolation.BILINEAR : Interpolation.NEAREST,
                    FillMode.values()[r.nextInt(FillMode.values().length)],
                    Geometry.values()[r.nextInt(Geometry.values().length)]);
        }

        /** Every family: sources × 1, 3, 4 channels × nearest, bilinear, cubic × fill modes × geometries. */
        static List<Family> all() {
            List<Family> all = new ArrayList<>();
            for (Source source : Source.values()) {
                for (int channels : new int[] {1, 3, 4}) {
                    for (Interpolation interpolation : List.of(Interpolation.NEAREST, Interpolation.BILINEAR,
                            Interpolation.CUBIC)) {
                        for (FillMode fill : FillMode.values()) {
                            for (Geometry geometry : Geometry.values()) {
                                all.add(new Family(source, channels, interpolation, fill, geometry));
                            }
                        }
                    }
                }
            }
            return all;
        }
    }

    static Sweep generate(SplittableRandom r, int size) {
        int c = new int[] {1, 3, 4}[r.nextInt(3)];
        return generate(r, size, () -> Family.random(r, c), c);
    }

    /** A batch of 1 to 4 images of {@code family}'s kind (sizes, flips, color, fill value and output drawn). */
    static Sweep generate(SplittableRandom r, int size, Family family) {
        return generate(r, size, () -> family, family.channels());
    }

    private static Sweep generate(SplittableRandom r, int size, Supplier<Family> families, int c) {
        int h = r.nextInt(5) == 0 ? 1 : 1 + r.nextInt(size);
        int w = r.nextInt(5) == 0 ? 1 : 1 + r.nextInt(size);
        DataFormat format = r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        ElementType type = ElementType.values()[r.nextInt(ElementType.values().length)];
        boolean heap = type == ElementType.FLOAT32 && r.nextBoolean();
        List<SourceImage> sources = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            Family family = families.get();
            boolean presize = r.nextInt(5) == 0;
            int sh = presize ? 1 + r.nextInt(size) : h;
            int sw = presize ? 1 + r.nextInt(size) : w;
            SourceImage source = source(r, family.source(), sh, sw, c);
            WarpPlan.Builder plan = plan(r, family, h, w, c);
            if (presize) {
                plan.presize(h, w, new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR,
                    Interpolation.CUBIC}[r.nextInt(3)]);
            }
            WarpPlan p = plan.build();
            sources.add(source);
            plans.add(p);
            what.add(source + " " + p);
        }
        return new Sweep(sources, plans, what, type, heap, format, h, w, c);
    }

    private static SourceImage source(SplittableRandom r, Source kind, int h, int w, int c) {
        if (kind == Source.BYTES) {
            byte[] bytes = new byte[h * w * c + 3];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, r.nextInt(4), h, w, c);
        }
        DataFormat layout = kind == Source.FLOAT_CHANNELS_LAST ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor image = Tensor.zeros(layout.imageShape(h, w, c));
        for (int i = 0; i < image.size(); i++) {
            image.data()[i] = r.nextInt(4) == 0 ? r.nextInt(256) : (float) r.nextDouble(-20, 280);
        }
        return SourceImage.of(image, layout);
    }

    private static WarpPlan.Builder plan(SplittableRandom r, Family family, int h, int w, int c) {
        Geometry geometry = family.geometry();
        double[] affine = switch (geometry) {
            case IDENTITY, FLIPS -> null;
            case SCALE -> {
                double zy = r.nextDouble(0.3, 3);
                double zx = r.nextBoolean() ? zy : r.nextDouble(0.3, 3);
                yield new double[] {zy, 0, (h - 1) / 2.0 * (1 - zy) + r.nextDouble(-2, 2), 0, zx,
                    (w - 1) / 2.0 * (1 - zx)};
            }
            case AFFINE -> {
                double angle = Math.toRadians(r.nextDouble(-180, 180));
                double zy = r.nextDouble(0.5, 1.5);
                double zx = r.nextDouble(0.5, 1.5);
                double shear = r.nextInt(3) == 0 ? r.nextDouble(-0.5, 0.5) : 0;
                double m00 = Math.cos(angle) * zy;
                double m01 = -Math.sin(angle + shear) * zx;
                double m10 = Math.sin(angle) * zy;
                double m11 = Math.cos(angle + shear) * zx;
                double cy = (h - 1) / 2.0;
                double cx = (w - 1) / 2.0;
                yield new double[] {m00, m01, cy - m00 * cy - m01 * cx + r.nextDouble(-h, h) / 2, m10, m11,
                    cx - m10 * cy - m11 * cx + r.nextDouble(-w, w) / 2};
            }
        };
        boolean flips = geometry != Geometry.IDENTITY && r.nextBoolean();
        WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(affine)
                .flips(flips && r.nextBoolean(), flips && r.nextBoolean()).interpolation(family.interpolation())
                .fill(family.fill(), r.nextInt(3) == 0 ? r.nextInt(256) : r.nextDouble(-10, 300))
                .wrapConvention(r.nextBoolean() ? WrapConvention.SCIPY : WrapConvention.PERIODIC);
        if (r.nextBoolean()) {
            float[] scale = new float[c];
            float[] offset = new float[c];
            for (int k = 0; k < c; k++) {
                scale[k] = r.nextBoolean() ? 1 / 255f : (float) r.nextDouble(-0.05, 0.05);
                offset[k] = r.nextBoolean() ? 0f : (float) r.nextDouble(-1, 1);
            }
            plan.color(scale, offset);
        }
        return plan;
    }

    /** Every {@link Family}, a few random batches each. */
    @Test
    void everyFamilyWritesIdenticalBytes() {
        assumeSimd();
        for (Family family : Family.all()) {
            Property.forAll("scalar and simd bytes, " + family, 3, 40, (r, size) -> generate(r, size, family),
                    sweep -> compare(sweep));
        }
    }

    /** Batches that mix families, sources of other sizes presized among them. */
    @Test
    void mixedBatchesWriteIdenticalBytes() {
        assumeSimd();
        Property.forAll("scalar and simd bytes, mixed batches", 300, 70, CpuBackendsAgreeTest::generate,
                CpuBackendsAgreeTest::compare);
    }

    /** Rows of several vector lengths and a tail, through every family: the block rule for coordinates. */
    @Test
    void wideRowsAgreeAcrossTheirChunks() {
        assumeSimd();
        Property.forAll("scalar and simd bytes, wide rows", 60, 300, (r, size) -> {
            int c = new int[] {1, 3, 4}[r.nextInt(3)];
            int w = 100 + r.nextInt(200);
            int h = 1 + r.nextInt(6);
            List<SourceImage> sources = new ArrayList<>();
            List<WarpPlan> plans = new ArrayList<>();
            List<String> what = new ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                Family family = Family.random(r, c);
                sources.add(source(r, family.source(), h, w, c));
                plans.add(plan(r, family, h, w, c).build());
                what.add(sources.get(sources.size() - 1) + " " + plans.get(plans.size() - 1));
            }
            ElementType type = ElementType.values()[r.nextInt(ElementType.values().length)];
            return new Sweep(sources, plans, what, type, type == ElementType.FLOAT32 && r.nextBoolean(),
                    r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST, h, w, c);
        }, CpuBackendsAgreeTest::compare);
    }

    private static void assumeSimd() {
        List<String> available = AvailableBackends.all().stream().map(Backend::name).toList();
        Assumptions.assumeTrue(available.contains(SIMD), "simd is not available in this JVM: " + available);
    }

    static DenseTensor batch(Sweep s) {
        int[] image = s.format().imageShape(s.h(), s.w(), s.c());
        int[] shape = {s.plans().size(), image[0], image[1], image[2]};
        return s.heap() ? Tensor.zeros(shape) : BufferTensor.allocate(s.type(), shape);
    }

    private static void compare(Sweep s) {
        DenseTensor want = batch(s);
        DenseTensor got = batch(s);
        Backends.named(SIMD).warpBatch(s.sources(), s.plans(), want, s.format());
        Backends.named(ScalarBackend.NAME).warpBatch(s.sources(), s.plans(), got, s.format());
        byte[] a = bytes(want);
        byte[] b = bytes(got);
        int bytesPerItem = a.length / s.plans().size();
        TreeSet<Integer> differing = new TreeSet<>();
        int count = 0;
        String first = "";
        for (int k = 0; k < a.length; k++) {
            if (a[k] != b[k]) {
                if (count++ == 0) {
                    first = " first at byte " + k + " (simd " + a[k] + ", scalar " + b[k] + ")";
                }
                differing.add(k / bytesPerItem);
            }
        }
        if (count > 0) {
            StringBuilder which = new StringBuilder();
            for (int item : differing) {
                which.append("\n  image ").append(item).append(": ").append(s.what().get(item));
            }
            assertTrue(false, count + " bytes differ" + first + which);
        }
    }

    static byte[] bytes(DenseTensor t) {
        if (t instanceof Tensor heap) {
            ByteBuffer out = ByteBuffer.allocate(heap.size() * 4);
            for (float v : heap.data()) {
                out.putInt(Float.floatToRawIntBits(v));
            }
            return out.array();
        }
        ByteBuffer buffer = ((BufferTensor) t).buffer().duplicate();
        buffer.clear();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
