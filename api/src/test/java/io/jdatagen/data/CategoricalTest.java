package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.core.Tensor;
import org.junit.jupiter.api.Test;

class CategoricalTest {
    @Test
    void classIndicesBecomeOneHotRows() {
        Tensor y = Categorical.toCategorical(Tensor.of(new float[] {2, 0, 1}, 3), 3);
        assertArrayEquals(new int[] {3, 3}, y.shape());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, y.data());
        assertArrayEquals(new long[] {3, 3}, y.longShape());
        assertThrows(IllegalArgumentException.class, () -> Categorical.toCategorical(Tensor.of(new float[] {3}, 1), 3));
        assertThrows(IllegalArgumentException.class, () -> Categorical.toCategorical(Tensor.of(new float[] {0.5f}, 1), 3));
    }
}
