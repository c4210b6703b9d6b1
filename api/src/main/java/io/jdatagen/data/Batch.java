package io.jdatagen.data;

import io.jdatagen.spi.BufferTensor;
import io.jdatagen.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One batch: the inputs (one tensor, or several when extra inputs pass through), the targets
 * (none, one, or several for multi-output models), optional sample weights, the indices of the
 * samples (rows, windows) it holds and, for file sources, the files of its rows.
 *
 * <p>The first input may lie in a {@link BufferTensor} (a flow built with
 * {@code FlowOptions.Builder.output}): {@link #xBuffer()} is that memory, for a framework to adopt
 * without a copy, and {@link #x()} / {@link #inputs()} give its values as a float32 copy, made on
 * first use.
 */
public final class Batch {
    private final BufferTensor xBuffer;
    private volatile List<Tensor> inputs;
    private final List<Tensor> extraInputs;
    private final List<Tensor> targets;
    private final Tensor sampleWeights;
    private final int[] indices;
    private final List<String> filenames;

    /**
     * Creates a batch of in-memory samples.
     *
     * @param inputs at least one input tensor
     * @param targets target tensors, possibly empty
     * @param sampleWeights per-sample weights, or null
     * @param indices the sample indices, one per row
     */
    public Batch(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeights, int[] indices) {
        this(inputs, targets, sampleWeights, indices, List.of());
    }

    /**
     * Creates a batch.
     *
     * @param inputs at least one input tensor
     * @param targets target tensors, possibly empty
     * @param sampleWeights per-sample weights, or null
     * @param indices the sample indices, one per row
     * @param filenames the file of each row (empty for in-memory samples)
     */
    public Batch(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeights, int[] indices,
            List<String> filenames) {
        this(null, inputs, targets, sampleWeights, indices, filenames);
    }

    private Batch(BufferTensor xBuffer, List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeights,
            int[] indices, List<String> filenames) {
        if (xBuffer == null && (inputs == null || inputs.isEmpty())) {
            throw new IllegalArgumentException("a batch needs at least one input");
        }
        this.xBuffer = xBuffer;
        this.inputs = xBuffer == null ? List.copyOf(inputs) : null;
        this.extraInputs = xBuffer == null ? List.of() : List.copyOf(inputs);
        this.targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        this.sampleWeights = sampleWeights;
        this.indices = indices.clone();
        this.filenames = List.copyOf(filenames);
        if (!this.filenames.isEmpty() && this.filenames.size() != indices.length) {
            throw new IllegalArgumentException(indices.length + " rows but " + filenames.size() + " file names");
        }
    }

    /**
     * Creates a batch whose first input lies in {@code x} (memory a framework may adopt).
     *
     * @param x the first input
     * @param extraInputs further inputs, possibly empty
     * @param targets target tensors, possibly empty
     * @param sampleWeights per-sample weights, or null
     * @param indices the sample indices, one per row
     * @param filenames the file of each row (empty for in-memory samples)
     * @return the batch
     */
    public static Batch inBuffer(BufferTensor x, List<Tensor> extraInputs, List<Tensor> targets,
            Tensor sampleWeights, int[] indices, List<String> filenames) {
        return new Batch(Objects.requireNonNull(x, "x"), extraInputs, targets, sampleWeights, indices, filenames);
    }

    /**
     * {@return a batch with one input and one target (or none when {@code y} is null)}
     *
     * @param x the input
     * @param y the labels, or null
     * @param indices the indices
     */
    public static Batch of(Tensor x, Tensor y, int[] indices) {
        return new Batch(List.of(x), y == null ? List.of() : List.of(y), null, indices);
    }

    /** {@return the (first) input; a float32 copy of {@link #xBuffer()} when the batch has one} */
    public Tensor x() {
        return inputs().get(0);
    }

    /** {@return the memory holding the first input, when the flow writes into buffers} */
    public Optional<BufferTensor> xBuffer() {
        return Optional.ofNullable(xBuffer);
    }

    /**
     * Gives the memory of {@link #xBuffer()} back to the flow, which writes a later batch into it
     * instead of taking new direct memory: call it once nothing reads the buffer (or an array a
     * framework made over it) any more; the DJL and DL4J adapters do. Does nothing for heap batches
     * or the second time; without it every batch gets new memory.
     */
    public void release() {
        if (xBuffer != null) {
            xBuffer.release();
        }
    }

    /**
     * {@return the (first) target}
     *
     * @throws IllegalStateException if the batch has no targets
     */
    public Tensor y() {
        if (targets.isEmpty()) {
            throw new IllegalStateException("this batch has no targets");
        }
        return targets.get(0);
    }

    /** {@return every input (the first one decoded to float32 when it lies in a buffer)} */
    public List<Tensor> inputs() {
        List<Tensor> all = inputs;
        if (all == null) {
            List<Tensor> decoded = new ArrayList<>(1 + extraInputs.size());
            decoded.add(xBuffer.toTensor());
            decoded.addAll(extraInputs);
            all = List.copyOf(decoded);
            inputs = all;
        }
        return all;
    }

    /** {@return the inputs after the first} */
    public List<Tensor> extraInputs() {
        if (xBuffer != null) {
            return extraInputs;
        }
        return inputs.subList(1, inputs.size());
    }

    /** {@return every target (empty when there are none)} */
    public List<Tensor> targets() {
        return targets;
    }

    /** {@return whether the batch has targets} */
    public boolean hasTargets() {
        return !targets.isEmpty();
    }

    /** {@return per-sample weights, if any} */
    public Optional<Tensor> sampleWeights() {
        return Optional.ofNullable(sampleWeights);
    }

    /** {@return the number of samples} */
    public int size() {
        return indices.length;
    }

    /** {@return a copy of the sample indices} */
    public int[] indices() {
        return indices.clone();
    }

    /** {@return the file of each row, as the source names it (empty for in-memory samples)} */
    public List<String> filenames() {
        return filenames;
    }

    @Override
    public String toString() {
        return "Batch[" + indices.length + " samples, inputs=" + (xBuffer == null ? inputs : xBuffer + " + "
                + extraInputs) + ", targets=" + targets + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && b.inputs().equals(inputs()) && b.targets.equals(targets)
                && Objects.equals(b.sampleWeights, sampleWeights) && Arrays.equals(b.indices, indices)
                && b.filenames.equals(filenames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs(), targets, sampleWeights, Arrays.hashCode(indices));
    }
}
