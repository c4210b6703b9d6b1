package io.jdatagen.data;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
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
 * <p>The first input, {@link #x()}, is a {@link DenseTensor}: a heap float32 {@link Tensor}, or a
 * {@link BufferTensor} when the flow writes into buffers ({@code FlowOptions.Builder.output}), which
 * a framework adopts without a copy and gives back with {@link #release()}. Nothing here copies a
 * buffer silently: {@link #xTensor()} is the heap tensor of a heap batch and refuses a buffer-backed
 * one, whose values {@code x().toTensor()} copies explicitly.
 */
public final class Batch {
    private final DenseTensor x;
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
        this(first(inputs), inputs.subList(1, inputs.size()), targets, sampleWeights, indices, filenames);
    }

    private Batch(DenseTensor x, List<Tensor> extraInputs, List<Tensor> targets, Tensor sampleWeights,
            int[] indices, List<String> filenames) {
        this.x = x;
        this.extraInputs = List.copyOf(Objects.requireNonNull(extraInputs, "extraInputs"));
        this.targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        this.sampleWeights = sampleWeights;
        this.indices = indices.clone();
        this.filenames = List.copyOf(filenames);
        if (!this.filenames.isEmpty() && this.filenames.size() != indices.length) {
            throw new IllegalArgumentException(indices.length + " rows but " + filenames.size() + " file names");
        }
    }

    private static Tensor first(List<Tensor> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one input");
        }
        return Objects.requireNonNull(inputs.get(0), "inputs[0]");
    }

    /**
     * {@return a batch whose first input is {@code x}, in whichever memory the flow wrote it (a
     * {@link BufferTensor} is memory a framework may adopt)}
     *
     * @param x the first input
     * @param extraInputs further inputs, possibly empty
     * @param targets target tensors, possibly empty
     * @param sampleWeights per-sample weights, or null
     * @param indices the sample indices, one per row
     * @param filenames the file of each row (empty for in-memory samples)
     * @throws IllegalArgumentException if {@code x} is null, or the file names are not one per row
     */
    public static Batch of(DenseTensor x, List<Tensor> extraInputs, List<Tensor> targets, Tensor sampleWeights,
            int[] indices, List<String> filenames) {
        if (x == null) {
            throw new IllegalArgumentException("a batch needs at least one input; x is null");
        }
        return new Batch(x, extraInputs, targets, sampleWeights, indices, filenames);
    }

    /**
     * {@return a batch with one input and one target (or none when {@code y} is null)}
     *
     * @param x the input
     * @param y the labels, or null
     */
    public static Batch of(Tensor x, Tensor y, int[] indices) {
        return new Batch(List.of(x), y == null ? List.of() : List.of(y), null, indices);
    }

    /**
     * {@return the (first) input as the flow wrote it, never a copy: a {@link Tensor}, or a
     * {@link BufferTensor} when the flow writes into buffers}
     */
    public DenseTensor x() {
        return x;
    }

    /**
     * {@return the (first) input of a heap batch, the {@link Tensor} itself (not a copy)}
     *
     * @throws IllegalStateException if the input lies in a {@link BufferTensor}; its values as a heap
     *     tensor are {@code x().toTensor()}, a copy
     */
    public Tensor xTensor() {
        if (x instanceof Tensor t) {
            return t;
        }
        throw new IllegalStateException("this batch's input lies in " + x
                + "; x() is that buffer, x().toTensor() copies its values into a heap Tensor");
    }

    /**
     * Gives the memory of {@link #x()} back to the flow that wrote it, which writes a later batch of the
     * same size into it instead of allocating (and zeroing) new memory: direct memory for a
     * buffer-backed batch, the {@code float[]} of a heap batch. Call it once nothing reads {@code x()}
     * (or an array a framework made over it) any more; the DJL and DL4J adapters do. Does nothing the
     * second time, or for memory no flow lent; without it every batch gets new memory.
     */
    public void release() {
        x.release();
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

    /** {@return every input: {@link #x()} (not copied), then {@link #extraInputs()}} */
    public List<DenseTensor> inputs() {
        List<DenseTensor> all = new ArrayList<>(1 + extraInputs.size());
        all.add(x);
        all.addAll(extraInputs);
        return List.copyOf(all);
    }

    /** {@return the inputs after the first, heap tensors that pass through the flow} */
    public List<Tensor> extraInputs() {
        return extraInputs;
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
        return "Batch[" + indices.length + " samples, inputs=" + inputs() + ", targets=" + targets + "]";
    }

    /**
     * Batches are equal when their inputs hold the same float32 values (a buffer's decoded, so a
     * float16 batch equals the heap batch of its values), and targets, weights, indices and files are
     * equal.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && values(b.x).equals(values(x)) && b.extraInputs.equals(extraInputs)
                && b.targets.equals(targets)
                && Objects.equals(b.sampleWeights, sampleWeights) && Arrays.equals(b.indices, indices)
                && b.filenames.equals(filenames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values(x), extraInputs, targets, sampleWeights, Arrays.hashCode(indices));
    }

    /** The values of {@code t} for comparing batches: the tensor itself, or a buffer decoded. */
    private static Tensor values(DenseTensor t) {
        return t instanceof Tensor heap ? heap : t.toTensor();
    }
}
