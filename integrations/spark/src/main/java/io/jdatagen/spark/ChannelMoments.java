package io.jdatagen.spark;

import java.io.Serializable;

/**
 * Per-channel count, mean and sum of squared deviations of values whose channel is their last axis, gathered
 * value by value (Welford) and merged across partitions (Chan et al.'s pairwise update): the mean and population
 * variance of Keras's {@code Normalization.adapt} over all of them, to double rounding, in any partitioning.
 */
final class ChannelMoments implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The values seen per channel. */
    private long count;
    /** The running means, per channel. */
    private double[] mean;
    /** The running sums of squared deviations from the mean, per channel. */
    private double[] m2;

    /** Adds {@code values}, channel {@code k % channels} for value {@code k}. */
    void add(float[] values, int channels) {
        if (mean == null) {
            mean = new double[channels];
            m2 = new double[channels];
        } else if (mean.length != channels) {
            throw new IllegalArgumentException("every image must have " + mean.length + " channels; got " + channels);
        }
        long pixels = values.length / channels;
        for (long p = 0; p < pixels; p++) {
            long n = count + p + 1;
            int base = (int) (p * channels);
            for (int c = 0; c < channels; c++) {
                double d = values[base + c] - mean[c];
                mean[c] += d / n;
                m2[c] += d * (values[base + c] - mean[c]);
            }
        }
        count += pixels;
    }

    /** {@return the moments of both (this object, changed)} */
    ChannelMoments merge(ChannelMoments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        if (mean.length != other.mean.length) {
            throw new IllegalArgumentException("every image must have " + mean.length + " channels; got "
                    + other.mean.length);
        }
        double n = count + other.count;
        for (int c = 0; c < mean.length; c++) {
            double d = other.mean[c] - mean[c];
            mean[c] += d * other.count / n;
            m2[c] += other.m2[c] + d * d * count * other.count / n;
        }
        count += other.count;
        return this;
    }

    /** {@return the number of values per channel seen} */
    long count() {
        return count;
    }

    /** {@return the per-channel means} */
    double[] mean() {
        return mean.clone();
    }

    /** {@return the per-channel population variances} */
    double[] variance() {
        double[] v = new double[m2.length];
        for (int c = 0; c < v.length; c++) {
            v[c] = m2[c] / count;
        }
        return v;
    }
}
