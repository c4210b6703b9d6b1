package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One advance per epoch whichever way the caller ends it: every combination of loop ends,
 * {@code onEpochEnd()}, index access and the loader, checked against the batches a fresh flow
 * with the same seed gives at each epoch (shuffled order and augmented pixels).
 */
class EpochAdvanceTest {
    private static final ImageDataGenerator AUGMENT = ImageDataGenerator.builder().horizontalFlip(true)
            .verticalFlip(true).build();
    private static final int SAMPLES = 10;

    /** A shuffled, augmented flow of 10 samples in 4 batches; label i for sample i. */
    private static ArrayFlow flow(int batchSize) {
        Tensor x = Tensor.zeros(SAMPLES, 3, 3, 1);
        Tensor y = Tensor.zeros(SAMPLES);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = i;
        }
        for (int i = 0; i < SAMPLES; i++) {
            y.data()[i] = i;
        }
        return AUGMENT.flow(x, y, FlowOptions.arrays().batchSize(batchSize).shuffle(true).seed(5));
    }

    private static ArrayFlow flow() {
        return flow(3);
    }

    /** Labels and pixels of every batch of {@code epoch} of a fresh flow. */
    private static List<float[]> fresh(int epoch, int batchSize) {
        List<float[]> out = new ArrayList<>();
        Sequence<Batch> view = flow(batchSize).atEpoch(epoch);
        for (int i = 0; i < view.size(); i++) {
            add(out, view.get(i));
        }
        return out;
    }

    private static List<float[]> fresh(int epoch) {
        return fresh(epoch, 3);
    }

    private static void add(List<float[]> out, Batch b) {
        out.add(b.y().data());
        out.add(b.xTensor().data());
    }

    private static List<float[]> loop(Sequence<Batch> seq) {
        List<float[]> out = new ArrayList<>();
        for (Batch b : seq) {
            add(out, b);
        }
        return out;
    }

    private static List<float[]> indexed(Sequence<Batch> seq) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            add(out, seq.get(i));
        }
        return out;
    }

    private static void assertBatches(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ", item " + i);
        }
    }

    @Test
    void theEpochsDiffer() {
        assertFalse(java.util.Arrays.equals(fresh(0).get(0), fresh(1).get(0)), "a new shuffle each epoch");
    }

    @Test
    void loopOnly() {
        ArrayFlow flow = flow();
        for (int k = 0; k < 3; k++) {
            assertBatches(fresh(k), loop(flow), "loop " + k);
            assertEquals(k + 1, flow.epoch());
        }
    }

    @Test
    void onEpochEndOnlyWithIndexAccess() {
        ArrayFlow flow = flow();
        for (int k = 0; k < 3; k++) {
            assertBatches(fresh(k), indexed(flow), "epoch " + k);
            assertEquals(k, flow.epoch(), "reading every batch by index ends nothing");
            flow.onEpochEnd();
            assertEquals(k + 1, flow.epoch());
        }
    }

    @Test
    void loopThenOnEpochEndAdvancesOncePerEpoch() {
        ArrayFlow flow = flow();
        for (int k = 0; k < 3; k++) {
            assertBatches(fresh(k), loop(flow), "loop " + k);
            flow.onEpochEnd();
            assertEquals(k + 1, flow.epoch(), "the Keras port's onEpochEnd confirms the loop's end");
        }
    }

    @Test
    void eachOnEpochEndCallIsAnEpochEndAsInKeras() {
        ArrayFlow flow = flow();
        flow.onEpochEnd();
        flow.onEpochEnd();
        assertEquals(2, flow.epoch());
        assertBatches(fresh(2), loop(flow), "after two calls");
        flow.onEpochEnd();
        flow.onEpochEnd();
        assertEquals(4, flow.epoch(), "after a loop the first call confirms, the second ends epoch 3");
        assertBatches(fresh(4), indexed(flow), "epoch 4");
    }

    @Test
    void aPartialLoopEndsNothingAndOnEpochEndThenAdvancesOnce() {
        ArrayFlow flow = flow();
        for (Batch b : flow) {
            break;
        }
        assertEquals(0, flow.epoch(), "a loop left early ends nothing");
        assertBatches(fresh(0), loop(flow), "the next loop replays epoch 0 in full");
        ArrayFlow other = flow();
        int taken = 0;
        for (Batch b : other) {
            if (++taken == 2) {
                break;
            }
        }
        other.onEpochEnd();
        assertEquals(1, other.epoch());
        assertBatches(fresh(1), loop(other), "epoch 1 after the partial loop");
    }

    @Test
    void aLoopAfterAConfirmedLoopEndIsTheNextEpoch() {
        ArrayFlow flow = flow();
        loop(flow);
        assertBatches(fresh(1), loop(flow), "two loops without onEpochEnd");
        flow.onEpochEnd();
        assertEquals(2, flow.epoch());
    }

    @Test
    void onceTheNextEpochHasBegunOnEpochEndEndsIt() {
        ArrayFlow flow = flow();
        loop(flow);
        assertBatches(fresh(1), indexed(flow), "epoch 1 read by index after the loop");
        flow.onEpochEnd();
        assertEquals(2, flow.epoch(), "the index access began epoch 1, so onEpochEnd ends it");
        loop(flow);
        for (Batch b : flow) {
            break;
        }
        flow.onEpochEnd();
        assertEquals(4, flow.epoch(), "a partial loop of epoch 3 began it");
    }

    @Test
    void aOneBatchEpochFollowsTheSameRule() {
        ArrayFlow flow = flow(SAMPLES);
        assertEquals(1, flow.size());
        for (int k = 0; k < 3; k++) {
            assertBatches(fresh(k, SAMPLES), loop(flow), "loop " + k);
            flow.onEpochEnd();
            assertEquals(k + 1, flow.epoch());
        }
    }

    @Test
    void viewsNeverMove() {
        ArrayFlow flow = flow();
        assertBatches(fresh(2), loop(flow.atEpoch(2)), "a view's loop");
        flow.atEpoch(2).onEpochEnd();
        assertEquals(0, flow.epoch());
    }

    @Test
    void aLoaderOverSeveralEpochsAdvancesOncePerEpoch() {
        ArrayFlow flow = flow();
        List<float[]> got = new ArrayList<>();
        try (Loader<Batch> loader = Loader.of(flow, 2, 3, 3)) {
            for (Batch b : loader) {
                add(got, b);
            }
        }
        assertEquals(3, flow.epoch());
        List<float[]> expected = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            expected.addAll(fresh(k));
        }
        assertBatches(expected, got, "three epochs through the loader");
        flow.onEpochEnd();
        assertEquals(3, flow.epoch(), "onEpochEnd after the loader confirms its last end");
        assertBatches(fresh(3), loop(flow), "then epoch 3");
    }

    @Test
    void aLoaderPerEpochThenOnEpochEnd() {
        ArrayFlow flow = flow();
        for (int k = 0; k < 3; k++) {
            List<float[]> got = new ArrayList<>();
            try (Loader<Batch> loader = flow.parallel(2, 1)) {
                for (Batch b : loader) {
                    add(got, b);
                }
            }
            assertBatches(fresh(k), got, "loader epoch " + k);
            flow.onEpochEnd();
            assertEquals(k + 1, flow.epoch());
        }
    }

    @Test
    void aCustomSequenceStillAdvancesAtTheLoopEnd() {
        int[] epoch = {0};
        Sequence<Integer> custom = new Sequence<>() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public Integer get(int index) {
                return epoch[0] * 10 + index;
            }

            @Override
            public void onEpochEnd() {
                epoch[0]++;
            }

            @Override
            public int epoch() {
                return epoch[0];
            }

            @Override
            public Sequence<Integer> atEpoch(int e) {
                return this;
            }
        };
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            for (int v : custom) {
                seen.add(v);
            }
        }
        assertEquals(List.of(0, 1, 10, 11), seen);
    }
}
