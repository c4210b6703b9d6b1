/**
 * Keras 3's image preprocessing and augmentation layers ({@code keras.layers.RandomFlip},
 * {@code RandomRotation}, {@code RandomContrast}, ...) with Keras's argument names, defaults and
 * numerics, each running as an {@link io.jdatagen.augment.Step} so that consecutive geometric layers
 * fuse into one warp. {@link io.jdatagen.layers.KerasLayers} makes a layer from the class name and
 * config Keras writes ({@code layer.get_config()}); {@link io.jdatagen.layers.KerasPipeline} runs a stack of
 * them (a {@code keras.Sequential} or {@code keras.layers.Pipeline}, read from Keras's JSON and written back)
 * on batches, single images and in every flow, and moves bounding boxes ({@link io.jdatagen.boxes}) with the
 * pixels: each geometric layer's {@code transform_bounding_boxes} as Keras computes it, or one exact matrix per
 * warp when the layers fuse.
 *
 * @see <a href="https://keras.io/api/layers/preprocessing_layers/">Keras preprocessing layers</a>
 */
package io.jdatagen.layers;
