package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DenseTensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.Backends;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.ResampleKernel;
import io.jdatagen.spi.ResampleTable;
import io.jdatagen.spi.WarmStarts;
import io.jdatagen.spi.scalar.ScalarBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The warm start of automatic selection changes no byte: a backend that runs {@code scalar} until
 * {@code simd} is warm, then {@code simd}, gives {@code simd}'s bytes before the switch, after it, and
 * for calls interleaved across it (in one thread, and in several threads with the switch falling
 * among them), for batch warps, single-image warps and Pillow's resampling passes. Its warm-up thread
 * is a daemon that switches and ends.
 */
class WarmStartAgreeTest {
    private static final String SIMD = "simd";

    /** One kernel call and the bytes {@code simd} writes for it. */
    private interface Call {
        byte[] run(Backend backend);
    }

    @Test
    void aBatchGivesTheSameBytesBeforeAndAfterTheSwitch() {
        assumeSimd();
        SplittableRandom r = new SplittableRandom(34);
        List<Call> calls = calls(r, 120);
        List<byte[]> want = runAll(calls, Backends.named(SIMD));
        Backend warm = WarmStarts.unstarted(Backends.named(ScalarBackend.NAME), Backends.named(SIMD));
        assertEquals(ScalarBackend.NAME, WarmStarts.active(warm));
        List<byte[]> before = runAll(calls, warm);
        WarmStarts.switchNow(warm);
        assertEquals(SIMD, WarmStarts.active(warm));
        List<byte[]> after = runAll(calls, warm);
        for (int k = 0; k < calls.size(); k++) {
            assertArrayEquals(want.get(k), before.get(k), "call " + k + " before the switch");
            assertArrayEquals(want.get(k), after.get(k), "call " + k + " after the switch");
        }
    }

    @Test
    void callsInterleavedAcrossARandomSwitchGiveSimdsBytes() {
        assumeSimd();
        Property.forAll("warm start across a switch", 25, 40, (r, size) -> r.split(), r -> {
            List<Call> calls = calls(r, 30);
            List<byte[]> want = runAll(calls, Backends.named(SIMD));
            Backend warm = WarmStarts.unstarted(Backends.named(ScalarBackend.NAME), Backends.named(SIMD));
            int switchAt = r.nextInt(calls.size() + 1);
            int[] order = shuffled(r, calls.size());
            for (int i = 0; i < order.length; i++) {
                if (i == switchAt) {
                    WarmStarts.switchNow(warm);
                }
                int k = order[i];
                assertArrayEquals(want.get(k), calls.get(k).run(warm), "call " + k + ", position " + i
                        + ", switch at " + switchAt);
            }
        });
    }

    @Test
    void threadsCallingAcrossTheSwitchGiveSimdsBytes() throws Exception {
        assumeSimd();
        SplittableRandom r = new SplittableRandom(3434);
        List<Call> calls = calls(r, 90);
        List<byte[]> want = runAll(calls, Backends.named(SIMD));
        Backend warm = WarmStarts.unstarted(Backends.named(ScalarBackend.NAME), Backends.named(SIMD));
        int switchAt = 1 + r.nextInt(calls.size() - 1);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                results.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int k = next.getAndIncrement(); k < calls.size(); k = next.getAndIncrement()) {
                        if (k == switchAt) {
                            WarmStarts.switchNow(warm);
                        }
                        if (!java.util.Arrays.equals(want.get(k), calls.get(k).run(warm))) {
                            wrong.add("call " + k);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> f : results) {
                assertEquals(List.of(), f.get(10, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SIMD, WarmStarts.active(warm));
    }

    @Test
    void theWarmUpThreadIsADaemonThatSwitchesAndEnds() throws Exception {
        assumeSimd();
        Backend warm = WarmStarts.unstarted(Backends.named(ScalarBackend.NAME), Backends.named(SIMD));
        assertEquals("WAITING", WarmStarts.phase(warm));
        WarmStarts.start(warm);
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("jdatagen-warm-up-simd")).findFirst().orElse(null);
        if (thread != null) {
            assertTrue(thread.isDaemon(), "the warm-up thread must not keep the JVM alive");
            thread.join(TimeUnit.MINUTES.toMillis(10));
            assertTrue(!thread.isAlive(), "the warm-up thread ends: " + WarmStarts.state(warm));
        }
        assertEquals("WARM", WarmStarts.phase(warm), WarmStarts.state(warm));
        assertEquals(SIMD, WarmStarts.active(warm));
        assertTrue(WarmStarts.state(warm).startsWith("warm start: switched to simd after "), WarmStarts.state(warm));
        WarmStarts.start(warm);
        assertEquals("WARM", WarmStarts.phase(warm), "a second start does nothing");
    }

    private static void assumeSimd() {
        List<String> available = AvailableBackends.all().stream().map(Backend::name).toList();
        Assumptions.assumeTrue(available.contains(SIMD), "simd is not available in this JVM: " + available);
    }

    private static List<byte[]> runAll(List<Call> calls, Backend backend) {
        List<byte[]> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(c.run(backend));
        }
        return out;
    }

    private static int[] shuffled(SplittableRandom r, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** {@code n} random calls: batch warps, single-image warps (the sweep's first image) and resampling passes. */
    private static List<Call> calls(SplittableRandom r, int n) {
        List<Call> calls = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(3)) {
                case 0 -> {
                    CpuBackendsAgreeTest.Sweep s = CpuBackendsAgreeTest.generate(r, 1 + r.nextInt(40));
                    calls.add(b -> {
                        DenseTensor out = CpuBackendsAgreeTest.batch(s);
                        b.warpBatch(s.sources(), s.plans(), out, s.format());
                        return CpuBackendsAgreeTest.bytes(out);
                    });
                }
                case 1 -> {
                    CpuBackendsAgreeTest.Sweep s = CpuBackendsAgreeTest.generate(r, 1 + r.nextInt(40));
                    calls.add(b -> {
                        DenseTensor out = CpuBackendsAgreeTest.batch(s);
                        b.warp(s.sources().get(0), s.plans().get(0), OutputSlot.of(out, 0, s.format()));
                        return CpuBackendsAgreeTest.bytes(out);
                    });
                }
                default -> calls.add(resampling(r));
            }
        }
        return calls;
    }

    /** A Pillow pass on random RGB pixels: rows, columns or a nearest pick, with random tables. */
    private static Call resampling(SplittableRandom r) {
        int h = 1 + r.nextInt(40);
        int w = 1 + r.nextInt(40);
        byte[] src = new byte[h * w * 3];
        r.nextBytes(src);
        int kind = r.nextInt(3);
        ResampleTable table = table(r, kind == 1 ? h : w, 1 + r.nextInt(40));
        int[] rows = r.ints(1 + r.nextInt(20), 0, h).toArray();
        int[] cols = r.ints(1 + r.nextInt(20), 0, w).toArray();
        return b -> {
            ResampleKernel kernel = b.resampling();
            byte[] out;
            if (kind == 0) {
                out = new byte[h * table.outSize() * 3];
                kernel.resampleRows(src, w, 3, 0, h, table, out);
            } else if (kind == 1) {
                out = new byte[table.outSize() * w * 3];
                kernel.resampleColumns(src, w, 3, table, out);
            } else {
                out = new byte[rows.length * cols.length * 3];
                kernel.resampleNearest(src, w, 3, rows, cols, out);
            }
            return out;
        };
    }

    /** Random taps within {@code inSize}, weights summing to one in Pillow's fixed point. */
    private static ResampleTable table(SplittableRandom r, int inSize, int outSize) {
        int taps = 1 + r.nextInt(Math.min(inSize, 5));
        int[] bounds = new int[2 * outSize];
        int[] weights = new int[outSize * taps];
        for (int k = 0; k < outSize; k++) {
            int count = 1 + r.nextInt(taps);
            int first = r.nextInt(inSize - count + 1);
            bounds[2 * k] = first;
            bounds[2 * k + 1] = count;
            int left = 1 << ResampleTable.PRECISION_BITS;
            for (int t = 0; t < count; t++) {
                int weight = t == count - 1 ? left : r.nextInt(-left / 4, left);
                weights[k * taps + t] = weight;
                left -= weight;
            }
        }
        return new ResampleTable(outSize, taps, bounds, weights);
    }
}
