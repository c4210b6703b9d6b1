package io.jdatagen.image;

import io.jdatagen.core.Tensor;
import java.util.SplittableRandom;

/** Test images. */
final class Images {
    private Images() {
    }

    /** An H×W×C image whose values encode their position: {@code 100·r + c + 0.25·ch}. */
    static Tensor positional(int h, int w, int c) {
        Tensor t = Tensor.zeros(h, w, c);
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    t.set(100f * r + col + 0.25f * ch, r, col, ch);
                }
            }
        }
        return t;
    }

    /** Uniform random values in [0, 255). */
    static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (rng.nextDouble() * 255);
        }
        return t;
    }

    static double maxAbsDiff(Tensor a, Tensor b) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }
}
