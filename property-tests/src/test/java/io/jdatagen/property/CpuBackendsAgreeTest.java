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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two CPU backends, {@code scalar} and {@code simd}, write identical bytes: for random batches
 * of plans (identity, flips, scales, random affines, some with a presize), sizes from one pixel up
 * (widths that are not a multiple of any vector length among them), 1, 3 and 4 channels, 8-bit and
 * float sources in both layouts, every fill mode, interpolation and wrap convention, with and
 * without a color step, into heap float32 and buffer float32, float16 and uint8 batches in both
 * layouts. Floats are compared by their bits, buffers byte by byte.
 *
 * <p>This is what lets a seed give the same batches whichever of the two a JVM selects (with or
 * without the Vector API flag, on any JDK from 17, on AVX2 or AVX-512). It runs wherever
 * {@code simd} is available: the build passes {@code --add-modules jdk.incubator.vector} to the tests
 * on every JDK.
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

    static Sweep generate(SplittableRandom r, int size) {
        int h = r.nextInt(5) == 0 ? 1 : 1 + r.nextInt(size);
        int w = r.nextInt(5) == 0 ? 1 : 1 + r.nextInt(size);
        int c = new int[] {1, 3, 4}[r.nextInt(3)];
        DataFormat format = r.nextBoolean() ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        ElementType type = ElementType.values()[r.nextInt(ElementType.values().length)];
        boolean heap = type == ElementType.FLOAT32 && r.nextBoolean();
        List<SourceImage> sources = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            boolean presize = r.nextInt(5) == 0;
            int sh = presize ? 1 + r.nextInt(size) : h;
            int sw = presize ? 1 + r.nextInt(size) : w;
            SourceImage source = source(r, sh, sw, c);
            WarpPlan.Builder plan = plan(r, h, w, c);
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

    private static SourceImage source(SplittableRandom r, int h, int w, int c) {
        int kind = r.nextInt(3);
        if (kind == 0) {
            byte[] bytes = new byte[h * w * c + 3];
            r.nextBytes(bytes);
            return SourceImage.ofBytes(bytes, r.nextInt(4), h, w, c);
        }
        DataFormat layout = kind == 1 ? DataFormat.CHANNELS_LAST : DataFormat.CHANNELS_FIRST;
        Tensor image = Tensor.zeros(layout.imageShape(h, w, c));
        for (int i = 0; i < image.size(); i++) {
            image.data()[i] = r.nextInt(4) == 0 ? r.nextInt(256) : (float) r.nextDouble(-20, 280);
        }
        return SourceImage.of(image, layout);
    }

    private static WarpPlan.Builder plan(SplittableRandom r, int h, int w, int c) {
        Geometry geometry = Geometry.values()[r.nextInt(Geometry.values().length)];
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
        Interpolation interpolation = r.nextInt(8) == 0 ? Interpolation.fromOrder(2 + r.nextInt(4))
                : r.nextBoolean() ? Interpolation.BILINEAR : Interpolation.NEAREST;
        FillMode mode = FillMode.values()[r.nextInt(FillMode.values().length)];
        WarpPlan.Builder plan = WarpPlan.builder().inverseAffine(affine)
                .flips(flips && r.nextBoolean(), flips && r.nextBoolean()).interpolation(interpolation)
                .fill(mode, r.nextInt(3) == 0 ? r.nextInt(256) : r.nextDouble(-10, 300))
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

    @Test
    void scalarAndSimdWriteIdenticalBytes() {
        List<String> available = AvailableBackends.all().stream().map(Backend::name).toList();
        Assumptions.assumeTrue(available.contains(SIMD), "simd is not available in this JVM: " + available);
        Backend scalar = Backends.named(ScalarBackend.NAME);
        Backend simd = Backends.named(SIMD);
        Property.forAll("scalar and simd bytes", 400, 70, CpuBackendsAgreeTest::generate,
                sweep -> compare(scalar, simd, sweep));
    }

    /** A wide image (several vector lengths and a tail) through random plans: the block rule for coordinates. */
    @Test
    void wideRowsAgreeAcrossTheirChunks() {
        List<String> available = AvailableBackends.all().stream().map(Backend::name).toList();
        Assumptions.assumeTrue(available.contains(SIMD), "simd is not available in this JVM: " + available);
        Backend scalar = Backends.named(ScalarBackend.NAME);
        Backend simd = Backends.named(SIMD);
        Property.forAll("scalar and simd bytes, wide rows", 40, 300, (r, size) -> {
            Sweep sweep = generate(r, 4);
            int w = 100 + r.nextInt(200);
            int h = 1 + r.nextInt(6);
            List<SourceImage> sources = new ArrayList<>();
            List<WarpPlan> plans = new ArrayList<>();
            for (int k = 0; k < sweep.plans().size(); k++) {
                sources.add(source(r, h, w, sweep.c()));
                plans.add(plan(r, h, w, sweep.c()).build());
            }
            return new Sweep(sources, plans, List.of(plans.toString()), sweep.type(), sweep.heap(),
                    sweep.format(), h, w, sweep.c());
        }, sweep -> compare(scalar, simd, sweep));
    }

    private static DenseTensor batch(Sweep s) {
        int[] image = s.format().imageShape(s.h(), s.w(), s.c());
        int[] shape = {s.plans().size(), image[0], image[1], image[2]};
        return s.heap() ? Tensor.zeros(shape) : BufferTensor.allocate(s.type(), shape);
    }

    private static void compare(Backend scalar, Backend simd, Sweep s) {
        DenseTensor want = batch(s);
        DenseTensor got = batch(s);
        simd.warpBatch(s.sources(), s.plans(), want, s.format());
        scalar.warpBatch(s.sources(), s.plans(), got, s.format());
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
                which.append("\n  image ").append(item).append(": ").append(s.what().size() > item
                        ? s.what().get(item) : s.plans().get(item));
            }
            assertTrue(false, count + " bytes differ" + first + which);
        }
    }

    private static byte[] bytes(DenseTensor t) {
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
