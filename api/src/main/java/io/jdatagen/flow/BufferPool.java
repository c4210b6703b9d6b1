package io.jdatagen.flow;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Direct memory for the {@link BufferTensor}s a flow writes, reused: {@link BufferTensor#release()}
 * gives a tensor's memory back and the next {@link #take} of the same size gets it instead of a new allocation.
 * New direct memory is costly to get (the JDK zeroes it, the operating system maps fresh pages,
 * and it is freed only after a garbage collection), so a flow that writes one batch after
 * another into buffers takes them from a pool. Thread-safe; at most {@code maxFreePerSize}
 * released buffers of each size are kept, others are left to the garbage collector.
 */
final class BufferPool {
    private final int maxFreePerSize;
    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();

    /**
     * Creates a pool.
     *
     * @param maxFreePerSize how many released buffers of one byte size to keep, at least 1
     * @throws IllegalArgumentException if {@code maxFreePerSize} is below 1
     */
    BufferPool(int maxFreePerSize) {
        if (maxFreePerSize < 1) {
            throw new IllegalArgumentException("maxFreePerSize must be >= 1; got " + maxFreePerSize);
        }
        this.maxFreePerSize = maxFreePerSize;
    }

    /**
     * {@return a tensor over released memory of exactly its size when there is some (its contents are
     * then whatever was last written), else over new zero-filled direct memory}
     *
     * @throws IllegalArgumentException as {@link BufferTensor#byteSize}
     */
    BufferTensor take(ElementType type, int... shape) {
        int bytes = BufferTensor.byteSize(type, shape);
        ByteBuffer reused;
        synchronized (free) {
            ArrayDeque<ByteBuffer> buffers = free.get(bytes);
            reused = buffers == null ? null : buffers.pollLast();
        }
        ByteBuffer memory = reused != null ? reused : ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        return BufferTensor.pooled(memory, type, this::give, shape);
    }

    /** Takes {@code memory} back, unless enough buffers of its size are free already. */
    void give(ByteBuffer memory) {
        synchronized (free) {
            ArrayDeque<ByteBuffer> buffers = free.computeIfAbsent(memory.capacity(), k -> new ArrayDeque<>());
            if (buffers.size() < maxFreePerSize) {
                buffers.addLast(memory);
            }
        }
    }

    /** {@return the number of released buffers held, all sizes together} */
    int freeBuffers() {
        synchronized (free) {
            return free.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }
}
