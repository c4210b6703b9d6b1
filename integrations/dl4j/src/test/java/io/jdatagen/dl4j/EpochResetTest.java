package io.jdatagen.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.EpochLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The iterators' {@code reset()} across epochs: each pass is the epoch a fresh flow with the same
 * seed gives at that number, and the flow advances once per pass however the pass ends.
 */
class EpochResetTest {
    private static final long SEED = 11;

    private static ArrayFlow flow() {
        return EpochLabels.flow(SEED);
    }

    private static List<Float> fresh(int k) {
        return EpochLabels.ofEpoch(SEED, k);
    }

    private static List<Float> pass(JdatagenDataSetIterator it, int batches) {
        List<Float> out = new ArrayList<>();
        for (int i = 0; i < batches && it.hasNext(); i++) {
            DataSet d = it.next();
            for (float v : d.getLabels().data().asFloat()) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void fullPassesWithResetAreConsecutiveEpochs() {
        ArrayFlow flow = flow();
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 2, 1);
        for (int k = 0; k < 3; k++) {
            assertEquals(fresh(k), pass(it, Integer.MAX_VALUE), "pass " + k);
            assertEquals(k + 1, flow.epoch(), "the last batch ended the epoch");
            it.reset();
            assertEquals(k + 1, flow.epoch(), "a reset after a full pass ends nothing more");
        }
    }

    @Test
    void aPassResetEarlyEndsItsEpochOnce() {
        ArrayFlow flow = flow();
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 1, 0);
        List<Float> partial = pass(it, 2);
        assertEquals(fresh(0).subList(0, 6), partial);
        it.reset();
        assertEquals(1, flow.epoch(), "the partial pass's epoch ended at the reset");
        it.reset();
        assertEquals(1, flow.epoch(), "a second reset with no batch taken ends nothing");
        assertEquals(fresh(1), pass(it, Integer.MAX_VALUE));
        assertEquals(2, flow.epoch());
    }

    @Test
    void aResetBeforeAnyBatchEndsNothing() {
        ArrayFlow flow = flow();
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 1, 0);
        it.hasNext();
        it.reset();
        assertEquals(0, flow.epoch(), "DL4J's fit may ask hasNext() and reset() before the first batch");
        assertEquals(fresh(0), pass(it, Integer.MAX_VALUE));
    }

    @Test
    void onEpochEndAfterAFullPassOnlyConfirmsIt() {
        ArrayFlow flow = flow();
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 1, 0);
        pass(it, Integer.MAX_VALUE);
        it.reset();
        flow.onEpochEnd();
        assertEquals(1, flow.epoch());
        assertEquals(fresh(1), pass(it, Integer.MAX_VALUE));
    }

    @Test
    void theMultiDataSetIteratorFollowsTheSameRule() {
        ArrayFlow flow = flow();
        JdatagenMultiDataSetIterator it = JdatagenMultiDataSetIterator.of(flow, 1, 0);
        for (int k = 0; k < 2; k++) {
            List<Float> got = new ArrayList<>();
            while (it.hasNext()) {
                for (float v : it.next().getLabels(0).data().asFloat()) {
                    got.add(v);
                }
            }
            it.reset();
            assertEquals(fresh(k), got, "pass " + k);
        }
        it.next();
        it.reset();
        assertEquals(3, flow.epoch(), "a partial third pass ends epoch 2");
    }
}
