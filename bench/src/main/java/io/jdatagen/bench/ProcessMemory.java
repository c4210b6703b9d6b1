package io.jdatagen.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What an end-to-end run's process holds: its peak resident set (Linux's {@code VmHWM}, the high-water
 * mark of the whole process: heap, direct buffers, native codec memory, the JIT's code) and the largest
 * heap still in use right after a full collection (the live data, without the garbage a collector has
 * not reclaimed yet), tracked from the collectors' notifications once {@link #watchHeap()} ran. Only
 * full ("major") collections count: after a young one the old generation still holds whatever garbage
 * was promoted. A collector that rarely collects in full (G1 with room to spare) may report none; the
 * memory runs use the serial collector and a small heap, which collects in full whenever the old
 * generation fills.
 */
final class ProcessMemory {
    private static final AtomicLong LIVE_HEAP = new AtomicLong(-1);

    private ProcessMemory() {
    }

    /** Starts tracking the heap in use after each full collection, for {@link #liveHeapBytes()}. */
    static void watchHeap() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        if (!info.getGcAction().contains("major")) {
                            return;
                        }
                        long used = 0;
                        for (MemoryUsage pool : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += pool.getUsed();
                        }
                        LIVE_HEAP.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    /** {@return the most heap in use after a full collection since {@link #watchHeap()}, or -1 before one} */
    static long liveHeapBytes() {
        return LIVE_HEAP.get();
    }

    /**
     * {@return the heap in use right after a full collection asked for now: the live data at the end of
     * a run, e.g. a cache's heap part}
     */
    static long heapAfterCollectionBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@return the process's peak resident set in bytes ({@code VmHWM}), or -1 where /proc does not give it} */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
