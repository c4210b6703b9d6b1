package io.jdatagen.layers;

/**
 * The displacement of Keras 3's {@code elastic_transform} on TensorFlow, from the noise field and the
 * distortion factor {@code d}, in float32: {@code sigma = min(h, w) * (0.05 d)}, {@code alpha = max(h, w) *
 * (0.1 d)}, the noise times {@code sigma} blurred by the Gaussian {@code exp(-x^2 / (2 sigma^2))} normalised
 * over {@code k = 6 int(sigma) | 1} taps per axis (the outer product of the two, zeros outside the image,
 * "same" size, as a depthwise convolution; here summed in double), then times {@code alpha}. A distortion
 * factor of exactly 0 (a draw at the low end of {@code scale = [0, s]}) gives no displacement, the limit as it
 * tends to 0, where TensorFlow's kernel would divide 0 by 0.
 */
final class ElasticField {
    private ElasticField() {
    }

    /** {@return {@code alpha} times the blurred field, {@code h * w} values row after row} */
    static float[] displacement(float[] noise, int h, int w, float distortionFactor) {
        float sigma = Math.min(h, w) * (0.05f * distortionFactor);
        float alpha = Math.max(h, w) * (0.1f * distortionFactor);
        if (sigma == 0) {
            return new float[noise.length];
        }
        int size = 6 * (int) sigma | 1;
        float[] scaled = new float[noise.length];
        for (int k = 0; k < noise.length; k++) {
            scaled[k] = noise[k] * sigma;
        }
        float[] g = RandomGaussianBlur.gaussian(size, sigma);
        int half = (size - 1) / 2;
        float[] out = new float[noise.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double sum = 0;
                for (int i = 0; i < size; i++) {
                    int y = r + i - half;
                    if (y < 0 || y >= h) {
                        continue;
                    }
                    for (int j = 0; j < size; j++) {
                        int x = c + j - half;
                        if (x >= 0 && x < w) {
                            sum += (double) (g[i] * g[j]) * scaled[y * w + x];
                        }
                    }
                }
                out[r * w + c] = alpha * (float) sum;
            }
        }
        return out;
    }
}
