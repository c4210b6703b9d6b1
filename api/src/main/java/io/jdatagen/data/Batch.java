package io.jdatagen.data;

import io.jdatagen.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One batch: the inputs (one tensor, or several when extra inputs pass through), the targets
 * (none, one, or several for multi-output models), optional sample weights, the indices of the
 * samples (rows, windows) it holds and, for file sources, the files of its rows.
 */
public final class Batch {
    private final List<Tensor> inputs;
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
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one input");
        }
        this.inputs = List.copyOf(inputs);
        this.targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        this.sampleWeights = sampleWeights;
        this.indices = indices.clone();
        this.filenames = List.copyOf(filenames);
        if (!this.filenames.isEmpty() && this.filenames.size() != indices.length) {
            throw new IllegalArgumentException(indices.length + " rows but " + filenames.size() + " file names");
        }
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

    /** {@return the (first) input} */
    public Tensor x() {
        return inputs.get(0);
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

    /** {@return every input} */
    public List<Tensor> inputs() {
        return inputs;
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
        return "Batch[" + indices.length + " samples, inputs=" + inputs + ", targets=" + targets + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Batch b && b.inputs.equals(inputs) && b.targets.equals(targets)
                && Objects.equals(b.sampleWeights, sampleWeights) && Arrays.equals(b.indices, indices)
                && b.filenames.equals(filenames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, targets, sampleWeights, Arrays.hashCode(indices));
    }
}
