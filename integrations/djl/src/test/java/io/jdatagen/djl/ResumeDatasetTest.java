package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.jdatagen.data.Position;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.EpochLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JdatagenDataset} resumed from a {@code position()} kept as text, over a flow built afresh:
 * the batches before the stop and after the resumption equal three uninterrupted {@code getData}
 * epochs (data and labels), for seeded-random stops, and the flow ends at the same epoch.
 */
class ResumeDatasetTest {
    private static final long SEED = 29;
    private static final int EPOCHS = 3;

    private static String bytes(Batch b) {
        StringBuilder out = new StringBuilder();
        for (NDArray a : List.of(b.getData().singletonOrThrow(), b.getLabels().singletonOrThrow())) {
            out.append(a.getShape()).append(Arrays.toString(a.toFloatArray())).append('|');
        }
        return out.toString();
    }

    /** {@code getData} epochs until {@code limit} batches are taken or the flow reaches {@link #EPOCHS}. */
    private static void take(JdatagenDataset data, NDManager manager, int limit, List<String> out) {
        while (out.size() < limit && data.sequence().epoch() < EPOCHS) {
            Iterator<Batch> epoch = data.getData(manager).iterator();
            while (out.size() < limit && epoch.hasNext()) {
                try (Batch b = epoch.next()) {
                    out.add(bytes(b));
                }
            }
        }
    }

    @Test
    void aResumedDatasetEqualsTheUninterruptedRun() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayFlow whole = EpochLabels.flow(SEED);
            List<String> expected = new ArrayList<>();
            take(JdatagenDataset.of(whole, 2, 1), manager, Integer.MAX_VALUE, expected);
            assertEquals(EPOCHS * whole.size(), expected.size());
            Random random = new Random(31);
            for (int n = 0; n < 6; n++) {
                int stop = n == 0 ? whole.size() : random.nextInt(expected.size());
                List<String> actual = new ArrayList<>();
                JdatagenDataset stopped = JdatagenDataset.of(EpochLabels.flow(SEED), 2, 1);
                take(stopped, manager, stop, actual);
                Position position = Position.parse(stopped.position().toString());
                ArrayFlow again = EpochLabels.flow(SEED);
                JdatagenDataset resumed = JdatagenDataset.of(again, 2, 1).resumeFrom(position);
                assertEquals(position, resumed.position());
                take(resumed, manager, Integer.MAX_VALUE, actual);
                assertEquals(expected, actual, "stopped after " + stop + " batches at " + position);
                assertEquals(EPOCHS, again.epoch(), "one advance per epoch after resuming at " + position);
            }
        }
    }

    @Test
    void aResumedEpochCountsItsProgressFromThePosition() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ArrayFlow flow = EpochLabels.flow(SEED);
            Position position = new Position(SEED, 2, 3, 4, 3, 0, 1, flow.position(0, 0).fingerprint());
            JdatagenDataset data = JdatagenDataset.of(flow, 1, 0).resumeFrom(position);
            List<Long> progress = new ArrayList<>();
            for (Batch b : data.getData(manager)) {
                try (b) {
                    progress.add(b.getProgress());
                    float[] labels = b.getLabels().singletonOrThrow().toFloatArray();
                    assertEquals(1, labels.length);
                    assertEquals(EpochLabels.ofEpoch(SEED, 2).get(9), labels[0], "the last sample of epoch 2");
                }
            }
            assertEquals(List.of(3L), progress, "only the last batch of epoch 2 is left");
            assertEquals(3, flow.epoch());
            assertEquals(new Position(SEED, 3, 0, 4, 3, 0, 1, position.fingerprint()), data.position());
        }
    }

    @Test
    void aPositionOfAnotherBatchSizeIsRefused() {
        Position position = EpochLabels.flow(SEED).position(0, 0);
        Position otherSize = new Position(SEED, 0, 0, 4, 2, 0, 1, position.fingerprint());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdatagenDataset.of(EpochLabels.flow(SEED), 1, 0).resumeFrom(otherSize));
        assertTrue(e.getMessage().contains("its batch-size is 2 but the flow's is 3"), e.getMessage());
    }
}
