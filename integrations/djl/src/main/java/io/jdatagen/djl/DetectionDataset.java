package io.jdatagen.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Batchifier;
import ai.djl.util.Progress;
import io.jdatagen.detection.DetectionBatch;
import io.jdatagen.detection.DetectionFlow;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A jdatagen {@link DetectionFlow} as a DJL {@link Dataset}: each batch's data is the images,
 * channels-first {@code (B, C, H, W)} float32 (DJL's convolutions), and its label the boxes in DJL's
 * object-detection layout, {@code (B, N, 5)} rows of {@code [class, xmin, ymin, xmax, ymax]} relative, padded
 * with rows of {@code -1} ({@link DetectionLabels}). Each {@code getData} iteration is the flow's next epoch
 * (0, 1, ...): new shuffle, new augmentation, boxes moved with the pixels. Batches are computed on the
 * calling thread.
 */
public final class DetectionDataset implements Dataset {
    private final DetectionFlow flow;
    private final AtomicInteger epoch = new AtomicInteger();

    private DetectionDataset(DetectionFlow flow) {
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** {@return the flow as a dataset, its first iteration epoch 0} */
    public static DetectionDataset of(DetectionFlow flow) {
        return new DetectionDataset(flow);
    }

    /** {@return the epoch the next {@code getData} iteration gives} */
    public int nextEpoch() {
        return epoch.get();
    }

    /**
     * {@return the flow's next epoch as DJL batches on sub-managers of {@code manager}}
     *
     * @param manager the manager (and so the device) of the batches' arrays
     */
    @Override
    public Iterable<Batch> getData(NDManager manager) {
        return () -> new Epoch(manager, epoch.getAndIncrement());
    }

    /**
     * {@return the same as {@link #getData(NDManager)}}
     *
     * @param manager the manager (and so the device) of the batches' arrays
     * @param executorService ignored: batches are computed as they are taken
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
        // Batches are computed on demand; there is nothing to download or index ahead.
    }

    /** One epoch of the flow. */
    private final class Epoch implements Iterator<Batch> {
        private final NDManager manager;
        private final int epochIndex;
        private int next;

        Epoch(NDManager manager, int epochIndex) {
            this.manager = manager;
            this.epochIndex = epochIndex;
        }

        @Override
        public boolean hasNext() {
            return next < flow.size();
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch " + epochIndex + " has " + flow.size() + " batches");
            }
            int index = next++;
            DetectionBatch b = flow.batch(index, epochIndex);
            NDManager batchManager = manager.newSubManager();
            int[] shape = b.images().shape();
            NDArray images = batchManager.create(FloatBuffer.wrap(b.images().data()),
                    new Shape(shape[0], shape[1], shape[2], shape[3])).transpose(0, 3, 1, 2);
            NDArray labels = DetectionLabels.create(batchManager, b.boxes(), shape[1], shape[2]);
            return new Batch(batchManager, new NDList(images), new NDList(labels), b.size(), Batchifier.STACK,
                    Batchifier.STACK, index, flow.size());
        }
    }
}
