package io.jdatagen.dl4j;

import io.jdatagen.data.Batch;
import io.jdatagen.data.Position;
import io.jdatagen.data.Sequence;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * A jdatagen sequence as a DL4J {@link MultiDataSetIterator} for a {@code ComputationGraph}: every
 * input of a batch (the images, then {@code flow}'s extra inputs) and every target (several for
 * {@code multi_output}; the masks of segmentation pairs) in order. Epochs behave as with
 * {@link JdatagenDataSetIterator}.
 */
public final class JdatagenMultiDataSetIterator implements MultiDataSetIterator {
    private static final long serialVersionUID = 1L;
    private final transient EpochBatches epochs;
    private transient MultiDataSetPreProcessor preProcessor;

    private JdatagenMultiDataSetIterator(Sequence<Batch> sequence, int workers, int prefetch) {
        this.epochs = new EpochBatches(sequence, workers, prefetch);
    }

    /**
     * {@return the sequence as an iterator, computed by one worker per processor, two batches ahead}
     *
     * @param sequence the flow or sequence
     */
    public static JdatagenMultiDataSetIterator of(Sequence<Batch> sequence) {
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
    public static JdatagenMultiDataSetIterator of(Sequence<Batch> sequence, int workers, int prefetch) {
        return new JdatagenMultiDataSetIterator(sequence, workers, prefetch);
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
    public JdatagenMultiDataSetIterator resumeFrom(Position position) {
        epochs.resumeFrom(position);
        return this;
    }

    @Override
    public boolean hasNext() {
        return epochs.hasNext();
    }

    @Override
    public MultiDataSet next() {
        Batch b = epochs.next();
        MultiDataSet data = new org.nd4j.linalg.dataset.MultiDataSet(NdArrays.inputs(b), NdArrays.of(b.targets()));
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
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is the flow's; use next()");
    }

    /**
     * Applies {@code processor} to every data set before it is returned.
     *
     * @param processor the pre-processor, or null for none
     */
    @Override
    public void setPreProcessor(MultiDataSetPreProcessor processor) {
        this.preProcessor = processor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
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
}
