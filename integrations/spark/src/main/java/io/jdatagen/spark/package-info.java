/**
 * jdatagen on Apache Spark, for data sets larger than one machine.
 *
 * <p>{@link io.jdatagen.spark.ImageTable} reads an image tree with Spark's {@code binaryFile} source
 * (class folders become labels); {@link io.jdatagen.spark.DistributedFit} computes the featurewise
 * statistics of {@code fit} (mean, std, ZCA) with partition-level sums combined by a tree reduction;
 * {@link io.jdatagen.spark.OfflineAugmentation} writes N augmented copies of every image (files in
 * class folders, or a table of encoded images or tensors), each one a pure function of (seed, image,
 * copy) so that retried tasks and any partitioning write the same bytes;
 * {@link io.jdatagen.spark.TensorBatches} turns rows of tensors back into jdatagen batches inside
 * any Spark job (DL4J on Spark, Spark ML). The jobs take an {@code ImageDataGenerator} or Keras 3 layers (a
 * {@code KerasPipeline}, shipped to the tasks as its JSON); {@link io.jdatagen.spark.DistributedFit#adapt} adapts
 * their {@code Normalization} over the whole data set, and {@code TensorBatches} runs {@code MixUp} and
 * {@code CutMix} on the batches.
 */
package io.jdatagen.spark;
