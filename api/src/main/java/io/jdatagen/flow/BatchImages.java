package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.spi.BufferTensor;
import io.jdatagen.spi.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's images as the flow wrote them: a heap float32 tensor, or a buffer (float32, float16 or
 * uint8 in direct memory) when the flow writes into buffers. Flows build their {@link Batch} from it.
 */
record BatchImages(Tensor heap, BufferTensor buffer) {
    static BatchImages of(Tensor heap) {
        return new BatchImages(heap, null);
    }

    static BatchImages of(BufferTensor buffer) {
        return new BatchImages(null, buffer);
    }

    /** {@return the images as float32 values (a copy for a buffer)} */
    Tensor values() {
        return heap != null ? heap.copy() : buffer.toTensor();
    }

    /** {@return the batch with these images as its first input} */
    Batch batch(List<Tensor> extraInputs, List<Tensor> targets, Tensor sampleWeights, int[] indices,
            List<String> filenames) {
        if (buffer != null) {
            return Batch.inBuffer(buffer, extraInputs, targets, sampleWeights, indices, filenames);
        }
        List<Tensor> inputs = new ArrayList<>(1 + extraInputs.size());
        inputs.add(heap);
        inputs.addAll(extraInputs);
        return new Batch(inputs, targets, sampleWeights, indices, filenames);
    }
}
