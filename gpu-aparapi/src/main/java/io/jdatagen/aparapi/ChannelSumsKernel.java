package io.jdatagen.aparapi;

import com.aparapi.Kernel;

/**
 * Partial per-channel sums for {@code fit}: work item {@code (c, t)} adds up chunk {@code t} of
 * channel {@code c}'s elements with Kahan compensation, either the values ({@code pass 0}) or
 * their squared deviations from {@code mean[c]} ({@code pass 1}); the host adds the partials in
 * double. Channel {@code c}'s element {@code e} is {@code x[c + e·channels]} channels-last and
 * {@code x[((e / plane)·channels + c)·plane + e % plane]} channels-first.
 */
final class ChannelSumsKernel extends Kernel {
    float[] x = new float[1];
    float[] mean = new float[1];
    float[] partial = new float[1];
    int channels;
    int plane;
    int channelsFirst;
    int count;
    int chunks;
    int chunkLength;
    int pass;

    @Override
    public void run() {
        int g = getGlobalId();
        if (g < channels * chunks) {
            int c = g / chunks;
            int t = g - c * chunks;
            int from = t * chunkLength;
            int to = min(count, from + chunkLength);
            float sum = 0f;
            float compensation = 0f;
            for (int e = from; e < to; e++) {
                int k = c + e * channels;
                if (channelsFirst == 1) {
                    int image = e / plane;
                    k = (image * channels + c) * plane + (e - image * plane);
                }
                float v = x[k];
                if (pass == 1) {
                    float d = v - mean[c];
                    v = d * d;
                }
                float y = v - compensation;
                float s = sum + y;
                compensation = (s - sum) - y;
                sum = s;
            }
            partial[g] = sum;
        }
    }
}
