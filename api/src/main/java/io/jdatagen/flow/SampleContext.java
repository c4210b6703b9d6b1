package io.jdatagen.flow;

import io.jdatagen.data.RandomKeys;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where a sample sits when a {@link SampleFunction} sees it (mltk's context-aware preprocessing):
 * its index in the source, its class, its file, the epoch, and the batch it belongs to with every
 * sample's class and file. Values that a source does not have are -1 (classes) or null (files);
 * outside a flow (a direct {@code standardize} call) the context is {@link #NONE}. A hook that needs
 * randomness takes it from {@link #random()}, keyed like the augmentation, so that batches stay
 * the same for any thread count and order.
 *
 * @param index the sample's index in its source (-1 outside a flow)
 * @param classId the sample's class index, or -1
 * @param file the sample's file as the flow names it, or null
 * @param seed the flow's seed (0 outside a flow)
 * @param epoch the epoch (0 outside a flow)
 * @param batchIndex the index of the batch in its epoch, or -1
 * @param batchClasses the class index of every sample of the batch (-1 where none)
 * @param batchFiles the file of every sample of the batch (null entries where none)
 */
public record SampleContext(int index, int classId, String file, long seed, int epoch, int batchIndex,
        int[] batchClasses, List<String> batchFiles) {
    /** No flow: every value unknown. */
    public static final SampleContext NONE = new SampleContext(-1, -1, null, 0, 0, -1, new int[0], List.of());
    /** Separates the hooks' streams from the augmentation's, which use the same keys. */
    private static final long HOOK_STREAMS = 0x6A09E667F3BCC909L;

    /**
     * Copies the batch's classes and files.
     *
     * @param index the sample's index in its source
     * @param classId the sample's class index, or -1
     * @param file the sample's file, or null
     * @param seed the flow's seed
     * @param batchIndex the index of the batch in its epoch
     * @param batchClasses the class index of every sample of the batch
     * @param batchFiles the file of every sample of the batch
     */
    public SampleContext {
        batchClasses = batchClasses.clone();
        batchFiles = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(batchFiles));
    }

    /** {@return a random source keyed by (seed, epoch, sample index), distinct from the augmentation's} */
    public RandomGenerator random() {
        return RandomKeys.forSample(seed ^ HOOK_STREAMS, epoch, index);
    }

    /** {@return a copy of the batch's class indices} */
    @Override
    public int[] batchClasses() {
        return batchClasses.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleContext c && c.index == index && c.classId == classId
                && java.util.Objects.equals(c.file, file) && c.seed == seed && c.epoch == epoch
                && c.batchIndex == batchIndex
                && Arrays.equals(c.batchClasses, batchClasses) && c.batchFiles.equals(batchFiles);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(index, classId, file, seed, epoch, batchIndex, batchFiles)
                + Arrays.hashCode(batchClasses);
    }

    @Override
    public String toString() {
        return "SampleContext[index=" + index + ", class=" + classId + ", file=" + file + ", epoch=" + epoch
                + ", batch=" + batchIndex + "]";
    }
}
