package io.jdatagen.layers;

/**
 * A layer that makes images of one fixed size whatever their size ({@code CenterCrop}, {@code RandomCrop},
 * {@code Resizing}): what lets a pipeline tell its flows the size of their batches before any image is
 * read. Whether a sample that is not augmented gets that size follows from the layer's step
 * ({@link io.jdatagen.augment.Step#augments()}: an augmentation leaves such samples at their size).
 */
interface SizedLayer extends KerasLayer {
    /** {@return the rows of every image this layer makes} */
    int outputHeight();

    /** {@return the columns of every image this layer makes} */
    int outputWidth();
}
