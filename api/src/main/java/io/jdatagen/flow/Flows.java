package io.jdatagen.flow;

import io.jdatagen.core.Tensor;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates flows over an {@link Augmenter}: what {@code ImageDataGenerator.flow},
 * {@code flowFromDirectory}, {@code flowFromDataframe} and the segmentation pair methods call.
 * Users normally call those methods; this class is the entry point for a custom augmenter.
 */
public final class Flows {
    private Flows() {
    }

    /**
     * {@return Keras's {@code NumpyArrayIterator}: batches from the rank-4 array {@code x}, with the matching
     * rows of {@code extraInputs}, {@code y} and {@code sampleWeights}}
     *
     * @param x the input
     * @param y the labels, or null
     * @param options batching, order, seed and subset, from {@link FlowOptions#arrays()}
     * @throws IllegalArgumentException with Keras's messages for mismatched lengths, a rank other
     *     than 4, a bad subset, or classes that differ between the split parts; and for sample
     *     weights without labels (Keras drops them silently)
     */
    public static ArrayFlow fromArrays(Augmenter augmenter, Tensor x, List<Tensor> extraInputs, Tensor y,
            Tensor sampleWeights, ArrayFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(true);
        return ArrayFlow.create(augmenter, x, extraInputs, y, sampleWeights, o);
    }

    /**
     * {@return Keras's {@code DirectoryIterator}: one class per sub-folder of {@code directory} (code-point
     * order), files found recursively in Keras's walk order, the validation split taken per class}
     *
     * @param options the flow's options, from {@link FlowOptions#directory()}
     * @throws IllegalArgumentException for a missing directory, an unsupported class mode (Keras's
     *     message) or options whose values do not fit together
     */
    public static FileFlow fromDirectory(Augmenter augmenter, Path directory, DirectoryFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(false);
        return DirectoryScanner.create(augmenter, directory, o);
    }

    /**
     * {@return Keras's {@code DataFrameIterator}: rows of file names and labels, checked in Keras's order
     * with Keras's messages, invalid file names dropped (with a warning), classes filtered, then the
     * validation split taken over all rows}
     *
     * @param options the columns and the flow's other options, from {@link FlowOptions#dataframe()}
     * @throws IllegalArgumentException with Keras's messages for bad columns, labels or weights, and
     *     for options whose values do not fit together
     */
    public static FileFlow fromDataframe(Augmenter augmenter, DataFrame table, DataFrameFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(false);
        return DataFrameScanner.create(augmenter, table, o);
    }

    /**
     * Segmentation pairs from a rank-4 image array and a rank-4 mask array (same number of rows, same height
     * and width; any channel counts).
     *
     * @param options the flow's options, from {@link FlowOptions#pairs()}
     * @return the segmentation flow
     * @throws IllegalArgumentException naming the argument whose shape does not fit
     */
    public static SegmentationFlow pairsFromArrays(Augmenter augmenter, Tensor images, Tensor masks,
            PairFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(true);
        return SegmentationFlow.ofArrays(augmenter, images, masks, o);
    }

    /**
     * Segmentation pairs from two folders: every white-listed image under {@code imageDir} (in {@code
     * flowFromDirectory}'s walk order) with the mask at the same relative path under {@code maskDir}, or,
     * when that file does not exist, the one mask there with the same name and another white-listed extension
     * ({@code a/x.jpg} with {@code a/x.png}).
     *
     * @param options the flow's options, from {@link FlowOptions#pairDirectories()}
     * @return the segmentation flow
     * @throws IllegalArgumentException for a missing folder, or naming an image without a mask or
     *     with several candidate masks
     */
    public static SegmentationFlow pairsFromDirectories(Augmenter augmenter, Path imageDir, Path maskDir,
            PairDirectoryFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(false);
        return SegmentationFlow.ofDirectories(augmenter, imageDir, maskDir, o);
    }

    /**
     * {@return batches streamed from the shards of {@code source} (WebDataset tar shards with the
     * {@code jdatagen-shards} artifact): each epoch a keyed permutation of the shards, read front to back
     * through a shuffle buffer keyed by (seed, epoch, position), with the targets of
     * {@link #fromDirectory}; see {@link StreamFlow}}
     *
     * @param options the flow's options, from {@link FlowOptions#stream()}
     * @throws IllegalArgumentException for options that do not apply to a stream (subset, cache, skipping
     *     unreadable files, a fixed order, raw or multi-output targets), a sample without a class that the
     *     class mode needs, or shards that hold no sample
     */
    public static StreamFlow fromShards(Augmenter augmenter, ShardSource source, StreamFlowOptions options) {
        FlowOptions o = options.build();
        o.checkNames(false);
        return StreamFlow.create(augmenter, source, o, options.shuffleBufferSize());
    }

    /**
     * {@return the image files under {@code folder} in Keras's walk order (every folder in order of its full
     * path, each folder's white-listed files in name order; symlinked folders not entered)} Empty when {@code
     * folder} is not a folder.
     */
    public static List<Path> imageFiles(Path folder) {
        return DirectoryScanner.imageFiles(folder, false, null);
    }
}
