package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.spi.scalar.ScalarBackend;
import org.junit.jupiter.api.Test;

/** The plateau test that ends a warm-up, and the warm-start backend's phases, on {@code scalar} alone. */
class KernelWarmUpTest {

    @Test
    void fallingRoundsAreNotWarmAndAPlateauIs() {
        KernelWarmUp warmUp = new KernelWarmUp(new ScalarBackend(), WarmUpWorkload.everything(), () -> 0);
        long nanos = 1_000_000_000_000_000L;
        int falling = KernelWarmUp.MIN_ROUNDS + 10;
        for (int i = 0; i < falling; i++) {
            nanos -= nanos / 4; // 25% faster each round: compilation still paying off
            warmUp.record(nanos);
            assertFalse(warmUp.warm(), "round " + i);
        }
        for (int i = 0; i < KernelWarmUp.FLAT_ROUNDS - 1; i++) {
            warmUp.record(nanos + i % 7); // within noise of the best
        }
        long best = nanos - nanos / 3;
        warmUp.record(best); // a late drop (C2 code arrived): the plateau starts again
        for (int i = 0; i < KernelWarmUp.FLAT_ROUNDS - 1; i++) {
            warmUp.record(i % 2 == 0 ? best * 2 : best); // slow rounds (another process) count as flat
            assertFalse(warmUp.warm(), "flat round " + i);
        }
        warmUp.record(best);
        assertTrue(warmUp.warm());
        assertEquals(falling + 2 * KernelWarmUp.FLAT_ROUNDS, warmUp.rounds());
        assertEquals(best, warmUp.best());
    }

    @Test
    void aPlateauBeforeTheMinimumRoundsIsNotWarm() {
        KernelWarmUp warmUp = new KernelWarmUp(new ScalarBackend(), WarmUpWorkload.everything(), () -> 0);
        for (int i = 0; i < KernelWarmUp.MIN_ROUNDS - 1; i++) {
            warmUp.record(1000);
        }
        assertFalse(warmUp.warm());
        warmUp.record(1000);
        assertTrue(warmUp.warm());
    }

    @Test
    void roundsThatKeepImprovingStopAtTheCap() {
        KernelWarmUp warmUp = new KernelWarmUp(new ScalarBackend(), WarmUpWorkload.everything(), () -> 0);
        long best = 1_000_000_000;
        for (int i = 0; i < KernelWarmUp.MAX_ROUNDS - 1; i++) {
            if (i % 30 == 0) {
                best -= best / 4; // a new best every 30 rounds: never a plateau
                warmUp.record(best);
            } else {
                warmUp.record(1_000_000_000);
            }
            assertFalse(warmUp.warm(), "round " + i);
        }
        warmUp.record(1);
        assertTrue(warmUp.warm());
    }

    @Test
    void runDrivesTheWorkloadUntilThePlateau() {
        long[] now = {0};
        KernelWarmUp warmUp = new KernelWarmUp(new ScalarBackend(), WarmUpWorkload.everything(), () -> now[0] += 1000);
        int rounds = warmUp.run();
        assertEquals(KernelWarmUp.MIN_ROUNDS, rounds, "every round takes the same time on this clock");
        assertEquals(1000, warmUp.best());
        assertEquals(WarmUpWorkload.everything().calls(), warmUp.callsPerRound());
        assertTrue(warmUp.callsPerRound() > 100, "every family: " + warmUp.callsPerRound());
    }

    @Test
    void theWarmStartBackendNamesItsTargetAndSwitchesOnce() {
        Backend cold = new ScalarBackend();
        Backend target = new io.jdatagen.spi.reference.ReferenceBackend();
        WarmStartBackend warm = new WarmStartBackend(cold, target);
        assertEquals(target.name(), warm.name());
        assertEquals(WarmStartBackend.Phase.WAITING, warm.phase());
        assertTrue(warm.active() == cold);
        assertTrue(warm.state().contains("scalar until reference"), warm.state());
        assertFalse(warm.warpsBatchesAtOnce(), "both warp image by image");
        warm.switchToTarget();
        assertTrue(warm.active() == target);
        assertEquals(WarmStartBackend.Phase.WARM, warm.phase());
        warm.start();
        assertEquals(WarmStartBackend.Phase.WARM, warm.phase(), "starting after the switch does nothing");
    }

    @Test
    void theGivenImagesSwitchToTheTargetOnTheRealCalls() {
        Backend cold = new ScalarBackend();
        Backend target = new ScalarBackend();
        WarmStartBackend warm = new WarmStartBackend(cold, target, 3);
        byte[] pixels = new byte[4 * 5 * 3];
        SourceImage source = SourceImage.ofBytes(pixels, 0, 4, 5, 3);
        WarpPlan plan = WarpPlan.builder().flips(false, true).build();
        io.jdatagen.core.Tensor batch = io.jdatagen.core.Tensor.zeros(2, 4, 5, 3);
        warm.warp(source, plan, OutputSlot.of(batch, 0, io.jdatagen.core.DataFormat.CHANNELS_LAST));
        assertEquals(WarmStartBackend.Phase.WAITING, warm.phase());
        assertTrue(warm.state().contains("after 3 images (1 so far)"), warm.state());
        warm.warpBatch(java.util.List.of(source), java.util.List.of(plan), batch,
                io.jdatagen.core.DataFormat.CHANNELS_LAST);
        assertEquals(WarmStartBackend.Phase.WAITING, warm.phase());
        assertSame(cold, warm.active());
        warm.warpBatch(java.util.List.of(source, source), java.util.List.of(plan, plan), batch,
                io.jdatagen.core.DataFormat.CHANNELS_LAST);
        assertEquals(WarmStartBackend.Phase.WARM, warm.phase(), "the third image switches");
        assertSame(target, warm.active());
        assertTrue(warm.state().contains("after 4 images on scalar"), warm.state());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("jdatagen-warm-up-scalar")), "no side warm-up thread");
    }

    /** {@code backend} behind a proxy that adds each method called to {@code calls}. */
    private static Backend recording(Backend backend, java.util.List<String> calls) {
        return (Backend) java.lang.reflect.Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(backend, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void thePixelPassesRunOnTheBackendTheWarpsRunOn() {
        java.util.List<String> coldCalls = new java.util.ArrayList<>();
        java.util.List<String> targetCalls = new java.util.ArrayList<>();
        WarmStartBackend warm = new WarmStartBackend(recording(new ScalarBackend(), coldCalls),
                recording(new ScalarBackend(), targetCalls), 1);
        float[] data = {1, 2, 300, 4};
        warm.equalize(data, 1, 3, 1, 1f, 0f, 2, new float[] {7, 8}, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 7, 8, 7}, data);
        warm.contrast(data, 0, 4, new float[] {4}, 2f, 0f, 100f);
        assertTrue(coldCalls.containsAll(java.util.List.of("equalize", "contrast")), coldCalls.toString());
        io.jdatagen.core.Tensor one = io.jdatagen.core.Tensor.zeros(1, 1, 1, 3);
        warm.warp(SourceImage.ofBytes(new byte[3], 0, 1, 1, 3), WarpPlan.builder().build(),
                OutputSlot.of(one, 0, io.jdatagen.core.DataFormat.CHANNELS_LAST));
        targetCalls.clear();
        warm.equalize(data, 1, 3, 1, 1f, 0f, 2, new float[] {7, 8}, 0);
        warm.contrast(data, 0, 4, new float[] {4}, 2f, 0f, 100f);
        assertEquals(java.util.List.of("equalize", "contrast"), targetCalls);
    }

    @Test
    void theFirstResamplingCallWarmsThePassesAloneAndSwitchesThemBeforeTheWarps() throws InterruptedException {
        Backend cold = new ScalarBackend();
        Backend target = new io.jdatagen.spi.reference.ReferenceBackend();
        WarmStartBackend warm = new WarmStartBackend(cold, target, 1_000_000);
        assertEquals(WarmStartBackend.Phase.WAITING, warm.resamplingPhase());
        assertTrue(warm.state().contains("resampling on scalar until its first call"), warm.state());
        byte[] src = new byte[4 * 6 * 3];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 29);
        }
        ResampleTable halving = new ResampleTable(3, 2, new int[] {0, 2, 2, 2, 4, 2},
                new int[] {1 << 21, 1 << 21, 1 << 21, 1 << 21, 1 << 21, 1 << 21});
        byte[] out = new byte[4 * 3 * 3];
        warm.resampling().resampleRows(src, 6, 3, 0, 4, halving, out);
        byte[] expected = new byte[out.length];
        cold.resampling().resampleRows(src, 6, 3, 0, 4, halving, expected);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, out);
        assertTrue(warm.resamplingPhase() != WarmStartBackend.Phase.WAITING, "the first call starts the warm-up");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (warm.resamplingPhase() == WarmStartBackend.Phase.WARMING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(WarmStartBackend.Phase.WARM, warm.resamplingPhase(), warm.state());
        assertSame(target, warm.activeResampling());
        assertSame(cold, warm.active(), "the warps wait for their own switch");
        assertEquals(WarmStartBackend.Phase.WAITING, warm.phase());
        assertTrue(warm.state().contains("resampling on reference after"), warm.state());
        assertTrue(warm.state().contains("rounds of " + WarmUpWorkload.resamplingOnly().calls() + " synthetic calls"),
                warm.state());
        warm.switchToTarget();
        assertSame(target, warm.active());
        assertTrue(warm.state().contains("resampling on reference after"), "its own switch is kept: " + warm.state());
    }

    @Test
    void resamplingThatHasTakenLessThanItsBudgetStaysColdWithoutAWarmUp() {
        Backend cold = new ScalarBackend();
        Backend target = new io.jdatagen.spi.reference.ReferenceBackend();
        WarmStartBackend warm = new WarmStartBackend(cold, target, 0, java.time.Duration.ofHours(1));
        byte[] out = new byte[2 * 2 * 3];
        for (int i = 0; i < 20; i++) {
            warm.resampling().resampleNearest(new byte[4 * 4 * 3], 4, 3, new int[] {0, 2}, new int[] {1, 3}, out);
        }
        assertEquals(WarmStartBackend.Phase.WAITING, warm.resamplingPhase());
        assertSame(cold, warm.activeResampling());
        assertTrue(warm.state().matches(".*resampling on scalar until it has taken 3600\\.0 s \\(0\\.\\d s so far\\)"),
                warm.state());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new WarmStartBackend(cold, target, 0, java.time.Duration.ofMillis(-1)));
        assertTrue(negative.getMessage().contains("resamplingStartAfter must not be negative; got: PT-0.001S"),
                negative.getMessage());
    }

    @Test
    void switchingTheWarpsSwitchesResamplingThatHadNotStarted() {
        Backend cold = new ScalarBackend();
        Backend target = new io.jdatagen.spi.reference.ReferenceBackend();
        WarmStartBackend warm = new WarmStartBackend(cold, target);
        warm.switchToTarget();
        assertSame(target, warm.activeResampling());
        assertEquals(WarmStartBackend.Phase.WARM, warm.resamplingPhase());
        assertTrue(warm.state().endsWith("resampling on reference after switching with the warps"), warm.state());
        byte[] out = new byte[2 * 2 * 3];
        warm.resampling().resampleNearest(new byte[4 * 4 * 3], 4, 3, new int[] {0, 2}, new int[] {1, 3}, out);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("jdatagen-warm-up-reference-resampling")), "no warm-up after the switch");
    }

    @Test
    void aWarmStartNeedsTwoBackends() {
        Backend b = new ScalarBackend();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WarmStartBackend(b, b));
        assertTrue(e.getMessage().contains("two different backends"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WarmStartBackend(null, b));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new WarmStartBackend(b, new ScalarBackend(), -1));
        assertTrue(negative.getMessage().contains("startAfter must be at least 0 images; got: -1"),
                negative.getMessage());
    }
}
