package io.jdatagen.aparapi;

import com.aparapi.Kernel;

/**
 * The ZCA matrix product {@code out = a · b} in float32 with Kahan-compensated dot products, one
 * work item per output element ({@code b} is rounded to float32 on the host).
 */
final class ProductKernel extends Kernel {
    float[] a = new float[1];
    float[] b = new float[1];
    float[] out = new float[1];
    int rows;
    int inner;
    int cols;

    @Override
    public void run() {
        int g = getGlobalId();
        if (g < rows * cols) {
            int r = g / cols;
            int c = g - r * cols;
            float sum = 0f;
            float compensation = 0f;
            for (int k = 0; k < inner; k++) {
                float y = a[r * inner + k] * b[k * cols + c] - compensation;
                float s = sum + y;
                compensation = (s - sum) - y;
                sum = s;
            }
            out[g] = sum;
        }
    }
}
