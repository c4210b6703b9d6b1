/**
 * Augmentation as composable steps and the pipeline that fuses them. A {@link io.jdatagen.augment.Step}
 * draws its parameters from a sample's random stream and declares its kind: geometric (a matrix, one
 * resampling for all of them), color-linear (a per-channel scale and offset the warp can carry),
 * pixel (runs on the warped image) or batch (runs on a whole batch). A {@link
 * io.jdatagen.augment.StepPipeline} is an ordered list of steps: it folds the geometric steps into one
 * warp plan per sample, the color-linear steps into the plan's color step while no pixel step comes
 * before them, warps a whole batch in one call, then runs what is left in order.
 *
 * <p>This package sits below {@code io.jdatagen.image} (Keras's {@code ImageDataGenerator}, which is a
 * fixed list of steps) and does not refer to it; {@link io.jdatagen.augment.StepCatalog} names the
 * built-in steps for configs.
 */
package io.jdatagen.augment;
