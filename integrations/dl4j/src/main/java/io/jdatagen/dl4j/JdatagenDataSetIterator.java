package io.jdatagen.dl4j;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Position;
import io.jdatagen.data.Sequence;
import io.jdatagen.flow.FileFlow;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A jdatagen sequence with one input and one target (an image flow, a timeseries dataset) as a DL4J
 * {@link DataSetIterator}: {@code net.fit(JdatagenDataSetIterator.of(flow), epochs)}.
 *
 * <p>Batches are computed ahead by a jdatagen loader on {@code workers} threads (so
 * {@link #asyncSupported()} is false: DL4J's one-thread prefetch would add nothing). Each pass is
 * one epoch: taking its last batch, or {@link #reset()} after some of its batches, moves the
 * sequence to the next epoch (once), so {@code fit(iterator, epochs)} sees new shuffles and augmentations every epoch.
 * Build image flows with {@code dataFormat("channels_first")} (DL4J's convolutions take NCHW) and
 * {@code classMode("categorical")} for one-hot labels. Several inputs or targets, and segmentation
 * pairs into a {@code ComputationGraph}: {@link JdatagenMultiDataSetIterator}.
 */
public final class JdatagenDataSetIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private final transient EpochBatches epochs;
    private transient DataSetPreProcessor preProcessor;

    private JdatagenDataSetIterator(Sequence<Batch> sequence, int workers, int prefetch) {
        this.epochs = new EpochBatches(sequence, workers, prefetch);
    }

    /**
     * {@return the sequence as an iterator, computed by one worker per processor, two batches ahead}
     *
     * @param sequence the flow or sequence
     */
    public static JdatagenDataSetIterator of(Sequence<Batch> sequence) {
        return of(sequence, Runtime.getRuntime().availableProcessors(), 2);
    }

    /**
     * {@return the sequence as an iterator computed by {@code workers} threads, at most
     * {@code workers + prefetch} batches ahead}
     *
     * @param sequence the flow or sequence
     * @param workers the loader threads, at least 1
     * @param prefetch the batches computed ahead beyond one per worker, at least 0
     */
    public static JdatagenDataSetIterator of(Sequence<Batch> sequence, int workers, int prefetch) {
        return new JdatagenDataSetIterator(sequence, workers, prefetch);
    }

    /**
     * {@return the next batch training has not taken, as a small value to keep in a checkpoint (its
     * {@code toString()} is a one-line text that {@code Position.parse} reads back); between passes,
     * where the next pass starts}
     */
    public Position position() {
        return epochs.position();
    }

    /**
     * Makes the next pass start at {@code position} (e.g. {@link #position()} saved before a
     * pre-emption, over a sequence built afresh with the same data, options and seed): that pass
     * gives the rest of the position's epoch, and later passes the following epochs, exactly as if the
     * run had never stopped.
     *
     * @param position the position to resume from
     * @return this iterator
     * @throws IllegalArgumentException naming the field of the position that does not match the sequence
     */
    public JdatagenDataSetIterator resumeFrom(Position position) {
        epochs.resumeFrom(position);
        return this;
    }

    @Override
    public boolean hasNext() {
        return epochs.hasNext();
    }

    @Override
    public DataSet next() {
        Batch b = epochs.next();
        if (!b.extraInputs().isEmpty() || b.targets().size() > 1) {
            throw new IllegalStateException("this sequence has " + (1 + b.extraInputs().size()) + " inputs and "
                    + b.targets().size() + " targets; use JdatagenMultiDataSetIterator");
        }
        DataSet data = new DataSet(NdArrays.features(b), b.hasTargets() ? NdArrays.of(b.y()) : null);
        if (preProcessor != null) {
            preProcessor.preProcess(data);
        }
        return data;
    }

    /**
     * Not supported: the batch size is the flow's ({@code FlowOptions.batchSize}).
     *
     * @param num ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is the flow's (" + batch() + "); use next()");
    }

    /** {@return the number of values of one input example (e.g. channels × height × width)} */
    @Override
    public int inputColumns() {
        int[] shape = epochs.sample().x().shape();
        int n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** {@return the number of classes (the width of the targets)} */
    @Override
    public int totalOutcomes() {
        int[] shape = epochs.sample().y().shape();
        return shape.length > 1 ? shape[1] : 1;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /**
     * Starts the next pass; a pass left after some of its batches still moves the sequence to its
     * next epoch (once), a finished pass was already ended by its last batch.
     */
    @Override
    public void reset() {
        epochs.reset();
    }

    /** {@return the number of examples of a full batch} */
    @Override
    public int batch() {
        return epochs.sample().size();
    }

    /**
     * Applies {@code processor} to every data set before it is returned.
     *
     * @param processor the pre-processor, or null for none
     */
    @Override
    public void setPreProcessor(DataSetPreProcessor processor) {
        this.preProcessor = processor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    /** {@return the class names in label order for a file flow with classes, else null} */
    @Override
    public List<String> getLabels() {
        return epochs.sequence() instanceof FileFlow files && !files.classIndices().isEmpty() ? files.classNames()
                : null;
    }
}
