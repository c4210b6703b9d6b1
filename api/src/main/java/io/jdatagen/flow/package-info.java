/**
 * Flows: batches of augmented images from arrays, folders, tables of file names and image/mask
 * pairs (Keras's {@code NumpyArrayIterator}, {@code DirectoryIterator} and
 * {@code DataFrameIterator}).
 *
 * <p>Entry points: {@link io.jdatagen.flow.FlowOptions} (the arguments of a flow: one options type
 * per flow, such as {@link io.jdatagen.flow.DirectoryFlowOptions}, with only the options it reads),
 * {@link io.jdatagen.flow.ArrayFlow}, {@link io.jdatagen.flow.FileFlow} and
 * {@link io.jdatagen.flow.SegmentationFlow} (what the generator's {@code flow*} methods return),
 * {@link io.jdatagen.flow.DataFrame} (a table, e.g. read from CSV). Flows depend only on the
 * {@link io.jdatagen.flow.Augmenter} port, never on the generator: {@link io.jdatagen.flow.ImageFlow}
 * plans each sample of a batch through it, warps the whole batch in one backend call, then
 * finishes each sample. File flows may keep each file's loaded image in a decoded-sample cache
 * ({@link io.jdatagen.flow.CacheOptions}) so that later epochs only augment.
 *
 * <p>{@link io.jdatagen.flow.ImageDatasets} is Keras 3's {@code image_dataset_from_directory}: its
 * {@link io.jdatagen.flow.ImageDataset} lists, splits and labels files as Keras does and resizes with
 * TensorFlow's {@code tf.image.resize} rules, optionally through an augmenter.
 */
package io.jdatagen.flow;
