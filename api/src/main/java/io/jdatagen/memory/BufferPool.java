package io.jdatagen.memory;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory flows and layer pipelines write their batches into, reused: {@link BufferTensor#release()} or
 * {@link Tensor#release()} gives a batch's memory back and the next batch of the same size gets it
 * instead of a new allocation. New memory is costly to get: the JDK zeroes it (a heap batch of 32
 * float images at 224² is a 19 MB array, zeroed only to be overwritten), the operating system maps
 * fresh pages, and direct memory is freed only after a garbage collection. Thread-safe; at most
 * {@code maxFreePerSize} released blocks of each kind and size are kept, others are left to the
 * garbage collector. Memory handed out again holds whatever was last written: whoever takes it
 * overwrites every element.
 */
public final class BufferPool {
    private final int maxFreePerSize;
    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();
    private final Map<Integer, ArrayDeque<float[]>> freeArrays = new HashMap<>();

    /**
     * Creates a pool.
     *
     * @param maxFreePerSize how many released blocks of one kind and size to keep, at least 1
     * @throws IllegalArgumentException if {@code maxFreePerSize} is below 1
     */
    public BufferPool(int maxFreePerSize) {
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
    public BufferTensor take(ElementType type, int... shape) {
        int bytes = BufferTensor.byteSize(type, shape);
        ByteBuffer reused = poll(free, bytes);
        ByteBuffer memory = reused != null ? reused : ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        return BufferTensor.pooled(memory, type, this::give, shape);
    }

    /**
     * {@return a heap tensor over a released array of exactly its size when there is one (its contents
     * are then whatever was last written), else over a new zero-filled array}
     *
     * @throws IllegalArgumentException as {@link Tensor#zeros}
     */
    public Tensor takeHeap(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] reused = size >= 0 && size <= Tensor.MAX_ELEMENTS ? poll(freeArrays, (int) size) : null;
        return Tensor.pooled(reused != null ? reused : Tensor.zeros(shape).data(), this::giveArray, shape);
    }

    /** Takes {@code memory} back, unless enough buffers of its size are free already. */
    void give(ByteBuffer memory) {
        keep(free, memory.capacity(), memory);
    }

    /** Takes {@code array} back, unless enough arrays of its length are free already. */
    void giveArray(float[] array) {
        keep(freeArrays, array.length, array);
    }

    private <M> M poll(Map<Integer, ArrayDeque<M>> blocks, int size) {
        synchronized (this) {
            ArrayDeque<M> sized = blocks.get(size);
            return sized == null ? null : sized.pollLast();
        }
    }

    private <M> void keep(Map<Integer, ArrayDeque<M>> blocks, int size, M block) {
        synchronized (this) {
            ArrayDeque<M> sized = blocks.computeIfAbsent(size, k -> new ArrayDeque<>());
            if (sized.size() < maxFreePerSize) {
                sized.addLast(block);
            }
        }
    }

    /** {@return the number of released direct buffers held, all sizes together} */
    int freeBuffers() {
        synchronized (this) {
            return free.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    /** {@return the number of released heap arrays held, all lengths together} */
    int freeArrays() {
        synchronized (this) {
            return freeArrays.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }
}
