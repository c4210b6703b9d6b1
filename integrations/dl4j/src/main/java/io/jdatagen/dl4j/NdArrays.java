package io.jdatagen.dl4j;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.HalfIndexer;
import org.bytedeco.javacpp.indexer.Indexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * jdatagen tensors as ND4J arrays (row-major, the same shape): heap tensors are copied into float32
 * arrays; images a flow wrote into a {@link BufferTensor} become arrays over that very memory.
 */
final class NdArrays {
    /**
     * ND4J's pointer to a wrapped buffer does not keep the buffer reachable: each buffer stays here
     * for as long as the data buffer over it (which every view of the array references) is alive.
     */
    private static final Map<DataBuffer, ByteBuffer> ADOPTED = Collections.synchronizedMap(new WeakHashMap<>());
    /** Gives a batch's memory back to its flow once the data buffer over it is unreachable. */
    private static final Cleaner RELEASER = Cleaner.create(runnable -> {
        Thread t = new Thread(runnable, "jdatagen-dl4j-releaser");
        t.setDaemon(true);
        return t;
    });

    private NdArrays() {
    }

    static INDArray of(Tensor t) {
        return Nd4j.create(t.data(), t.longShape(), 'c');
    }

    /**
     * {@return the memory of {@code t} as an ND4J array of its element type, without a copy}: a
     * JavaCPP pointer at the buffer's address, which ND4J wraps as external memory ({@code
     * Nd4j.createBuffer(ByteBuffer, ...)} would copy).
     */
    static INDArray of(BufferTensor t) {
        ByteBuffer memory = t.buffer();
        DataType type;
        Pointer pointer;
        Indexer indexer;
        switch (t.elementType()) {
            case FLOAT32 -> {
                FloatPointer p = new FloatPointer(memory.duplicate().order(memory.order()).clear().asFloatBuffer());
                type = DataType.FLOAT;
                pointer = p;
                indexer = FloatIndexer.create(p);
            }
            case FLOAT16 -> {
                ShortPointer p = new ShortPointer(memory.duplicate().order(memory.order()).clear().asShortBuffer());
                type = DataType.HALF;
                pointer = p;
                indexer = HalfIndexer.create(p);
            }
            default -> {
                BytePointer p = new BytePointer(memory.duplicate().clear());
                type = DataType.UBYTE;
                pointer = p;
                indexer = UByteIndexer.create(p);
            }
        }
        DataBuffer data = Nd4j.createBuffer(pointer, type, t.size(), indexer);
        ADOPTED.put(data, memory);
        return Nd4j.create(data, t.longShape(), Nd4j.getStrides(t.longShape(), 'c'), 0, 'c', type);
    }

    /**
     * {@return the batch's first input, adopted from its buffer when it has one}; the buffer goes back
     * to the flow (for a later batch) when the array's data buffer is garbage collected, a heap batch's
     * array as soon as ND4J has copied it.
     */
    static INDArray features(Batch b) {
        if (!(b.x() instanceof BufferTensor buffer)) {
            INDArray copied = of((Tensor) b.x());
            b.release();
            return copied;
        }
        INDArray features = of(buffer);
        RELEASER.register(features.data(), b::release);
        return features;
    }

    /** {@return every input of the batch, the first adopted from its buffer when it has one} */
    static INDArray[] inputs(Batch b) {
        List<INDArray> out = new ArrayList<>();
        out.add(features(b));
        for (Tensor t : b.extraInputs()) {
            out.add(of(t));
        }
        return out.toArray(INDArray[]::new);
    }

    static INDArray[] of(List<Tensor> tensors) {
        INDArray[] out = new INDArray[tensors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(tensors.get(i));
        }
        return out;
    }
}
