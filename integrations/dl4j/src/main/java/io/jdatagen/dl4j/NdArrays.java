package io.jdatagen.dl4j;

import io.jdatagen.spi.Tensor;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** jdatagen tensors as ND4J arrays (float32, row-major, the same shape). */
final class NdArrays {
    private NdArrays() {
    }

    static INDArray of(Tensor t) {
        return Nd4j.create(t.data(), t.longShape(), 'c');
    }

    static INDArray[] of(List<Tensor> tensors) {
        INDArray[] out = new INDArray[tensors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(tensors.get(i));
        }
        return out;
    }
}
