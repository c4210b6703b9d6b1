package io.jdatagen.data;

import io.jdatagen.core.Tensor;
import java.util.Arrays;

/** Keras's {@code keras.utils.to_categorical}: class indices to one-hot rows. */
public final class Categorical {
    private Categorical() {
    }

    /**
     * One-hot encodes class indices: a tensor of shape {@code (n)} (or {@code (n, 1)}) of integer
     * values in {@code [0, classes)} becomes {@code (n, classes)} with a 1 in each row's column.
     *
     * @param labels the class indices
     * @param classes the number of classes
     * @return the one-hot rows
     * @throws IllegalArgumentException if a value is not an integer in {@code [0, classes)} or the
     *     shape is not {@code (n)} or {@code (n, 1)}
     * @see <a href="https://keras.io/api/utils/python_utils/#to_categorical-function">Keras's to_categorical</a>
     */
    public static Tensor toCategorical(Tensor labels, int classes) {
        int[] shape = labels.shape();
        if (shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
            throw new IllegalArgumentException("labels must have shape (n) or (n, 1); got " + Arrays.toString(shape));
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1; got: " + classes);
        }
        int n = shape.length == 0 ? 1 : shape[0];
        Tensor out = Tensor.zeros(n, classes);
        for (int i = 0; i < n; i++) {
            float v = labels.data()[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + v + "; expected an integer in [0, " + classes
                        + ")");
            }
            out.data()[i * classes + (int) v] = 1;
        }
        return out;
    }
}
