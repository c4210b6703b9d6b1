package io.jdatagen.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Batchifier;
import ai.djl.util.Progress;
import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Loader;
import io.jdatagen.data.Position;
import io.jdatagen.data.Sequence;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * A jdatagen sequence (an image flow, segmentation pairs, a timeseries dataset) as a DJL
 * {@link Dataset}: {@code EasyTrain.fit(trainer, epochs, JdatagenDataset.of(flow), validation)} and
 * {@code trainer.iterateDataset(...)} work as with DJL's own datasets.
 *
 * <p>Each {@link #getData} call is one epoch, computed ahead by a jdatagen {@link Loader} on
 * {@code workers} threads (the same batches whatever the thread count); taking its last batch
 * moves the sequence to the next epoch, so consecutive epochs get new shuffles and augmentations.
 * Inputs and targets become NDArrays on the manager DJL passes (the trainer's, on its device), with
 * the sequence's shapes: float32 copies of heap tensors, or, for a flow built with
 * {@code FlowOptions.Builder.output} (float32, float16 or uint8), arrays over the very memory the
 * kernels wrote, with no copy on the CPU; closing a DJL batch (as {@code EasyTrain} does after each
 * step) gives that memory back to the flow for a later batch. Build the generator with {@code dataFormat("channels_first")}
 * for DJL's convolutions, and flows with {@code classMode("sparse")} for DJL's default
 * {@code SoftmaxCrossEntropyLoss} (class indices) or {@code "categorical"} for one-hot labels.
 *
 * <p>After a pre-emption: keep {@link #position()} in the checkpoint (e.g. from a
 * {@code TrainingListener}'s {@code onTrainingBatch}); in the new process build the flow and the
 * dataset again and call {@link #resumeFrom}; the next {@code getData} gives the rest of that
 * epoch, and later calls the following epochs, exactly as if the run had never stopped.
 */
public final class JdatagenDataset implements Dataset {
    private final Sequence<io.jdatagen.data.Batch> sequence;
    private final int workers;
    private final int prefetch;
    /** The epoch iteration in progress (the latest one started), read by {@link #position()}. */
    private volatile Epoch current;
    /** Where the next {@code getData} iteration starts, until a batch of it is taken. */
    private volatile Position resume;

    private JdatagenDataset(Sequence<io.jdatagen.data.Batch> sequence, int workers, int prefetch) {
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        if (workers < 1 || prefetch < 0) {
            throw new IllegalArgumentException("workers must be >= 1 and prefetch >= 0; got " + workers + ", "
                    + prefetch);
        }
        this.workers = workers;
        this.prefetch = prefetch;
    }

    /**
     * {@return the sequence as a dataset, computed by one worker per processor, two batches ahead}
     *
     * @param sequence the flow or sequence
     */
    public static JdatagenDataset of(Sequence<io.jdatagen.data.Batch> sequence) {
        return of(sequence, Runtime.getRuntime().availableProcessors(), 2);
    }

    /**
     * {@return the sequence as a dataset computed by {@code workers} threads, at most
     * {@code workers + prefetch} batches ahead of training}
     *
     * @param sequence the flow or sequence
     * @param workers the loader threads, at least 1
     * @param prefetch the batches computed ahead beyond one per worker, at least 0
     */
    public static JdatagenDataset of(Sequence<io.jdatagen.data.Batch> sequence, int workers, int prefetch) {
        return new JdatagenDataset(sequence, workers, prefetch);
    }

    /** {@return the sequence behind this dataset} */
    public Sequence<io.jdatagen.data.Batch> sequence() {
        return sequence;
    }

    /**
     * {@return the next batch training has not taken, as a small value to keep in a checkpoint (its
     * {@code toString()} is a one-line text that {@code Position.parse} reads back): in the latest
     * {@code getData} iteration, else where the next one starts}
     */
    public Position position() {
        Position pending = resume;
        Epoch epoch = current;
        if (pending != null && (epoch == null || !epoch.begun)) {
            return pending;
        }
        return epoch != null ? epoch.loader.position() : sequence.position(sequence.epoch(), 0);
    }

    /**
     * Makes the next {@code getData} iteration start at {@code position} (e.g. {@link #position()}
     * saved before a pre-emption, over a sequence built afresh with the same data, options and seed):
     * it gives the rest of the position's epoch, and later iterations the following epochs.
     *
     * @param position the position to resume from
     * @return this dataset
     * @throws IllegalArgumentException naming the field of the position that does not match the sequence
     */
    public JdatagenDataset resumeFrom(Position position) {
        Objects.requireNonNull(position, "position").matching(sequence);
        Epoch running = current;
        if (running != null) {
            running.loader.close();
        }
        sequence.moveToEpoch(position.epoch());
        current = null;
        resume = position;
        return this;
    }

    /**
     * {@return one epoch of the sequence as DJL batches on {@code manager}; the epoch advances when its
     * last batch is taken}
     *
     * @param manager the manager (and so the device) of the batches' arrays
     */
    @Override
    public Iterable<Batch> getData(NDManager manager) {
        return () -> new Epoch(manager);
    }

    /**
     * {@return the same as {@link #getData(NDManager)}: jdatagen computes batches on its own loader threads}
     *
     * @param manager the manager (and so the device) of the batches' arrays
     * @param executorService ignored
     */
    @Override
    public Iterable<Batch> getData(NDManager manager, ExecutorService executorService) {
        return getData(manager);
    }

    /**
     * Nothing to prepare: batches are computed as they are taken.
     *
     * @param progress ignored
     */
    @Override
    public void prepare(Progress progress) {
        // Batches are streamed; there is nothing to download or index ahead.
    }

    /** One epoch: a loader over the sequence's current epoch, converting each batch. */
    private final class Epoch implements Iterator<Batch> {
        private final NDManager manager;
        private final Loader<io.jdatagen.data.Batch> loader;
        private final int size;
        private final Position start;
        private int taken;
        private volatile boolean begun;

        Epoch(NDManager manager) {
            this.manager = manager;
            this.start = resume;
            this.loader = start != null ? Loader.resume(sequence, start, workers, prefetch, 1)
                    : Loader.of(sequence, workers, prefetch);
            this.size = sequence.size();
            this.taken = start != null ? start.batch() : 0;
            current = this;
        }

        @Override
        public boolean hasNext() {
            return loader.hasNext();
        }

        @Override
        public Batch next() {
            io.jdatagen.data.Batch b = loader.next();
            if (!begun) {
                begun = true;
                if (start != null && resume == start) {
                    resume = null;
                }
            }
            NDManager batchManager = manager.newSubManager();
            NDList data = new NDList(1 + b.extraInputs().size());
            data.add(input(batchManager, b.x()));
            data.addAll(arrays(batchManager, b.extraInputs()));
            NDList labels = arrays(batchManager, b.targets());
            long progress = taken++;
            return new Batch(batchManager, data, labels, b.size(), Batchifier.STACK, Batchifier.STACK, progress, size,
                    java.util.Arrays.stream(b.indices()).boxed().toList()) {
                /** Closing the batch closes its arrays; the images' memory then goes back to the flow. */
                @Override
                public void close() {
                    super.close();
                    b.release();
                }
            };
        }

        private NDList arrays(NDManager target, List<Tensor> tensors) {
            NDList list = new NDList(tensors.size());
            for (Tensor t : tensors) {
                list.add(copy(target, t));
            }
            return list;
        }
    }

    /** The batch's first input on {@code manager}: a buffer adopted without a copy, a heap tensor copied. */
    private static NDArray input(NDManager manager, DenseTensor x) {
        return x instanceof BufferTensor buffer ? adopt(manager, buffer) : copy(manager, (Tensor) x);
    }

    /** A heap tensor copied into a float32 array on {@code manager}. */
    private static NDArray copy(NDManager manager, Tensor t) {
        return manager.create(FloatBuffer.wrap(t.data()), new Shape(t.longShape()));
    }

    /**
     * The images a flow wrote into direct memory, as an array of their element type over that memory
     * (the PyTorch engine adopts a direct buffer on the CPU without a copy and keeps it reachable).
     */
    static NDArray adopt(NDManager manager, BufferTensor x) {
        DataType type = switch (x.elementType()) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT16 -> DataType.FLOAT16;
            case UINT8 -> DataType.UINT8;
        };
        return manager.create(x.buffer(), new Shape(x.longShape()), type);
    }
}
