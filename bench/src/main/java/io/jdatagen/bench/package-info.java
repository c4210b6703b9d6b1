/**
 * JMH benchmarks: the warp kernels against each other and against OpenCV and
 * {@code java.awt}, resize, the file pipeline, batch warps and timeseries windowing. Run with
 * {@code bench/run [regex]}; results land in {@code bench/reports/}.
 */
package io.jdatagen.bench;
