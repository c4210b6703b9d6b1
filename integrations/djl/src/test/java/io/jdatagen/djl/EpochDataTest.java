package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.EpochLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JdatagenDataset#getData} across epochs: each call is the epoch a fresh flow with the same
 * seed gives at that number, and the flow advances once per epoch however the caller ends it.
 */
class EpochDataTest {
    private static final long SEED = 13;

    private static ArrayFlow flow() {
        return EpochLabels.flow(SEED);
    }

    private static List<Float> fresh(int k) {
        return EpochLabels.ofEpoch(SEED, k);
    }

    private static List<Float> epoch(JdatagenDataset data, NDManager manager) {
        List<Float> out = new ArrayList<>();
        for (Batch b : data.getData(manager)) {
            try (b) {
                for (float v : b.getLabels().singletonOrThrow().toFloatArray()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    @Test
    void eachGetDataIsTheNextEpoch() {
        ArrayFlow flow = flow();
        JdatagenDataset data = JdatagenDataset.of(flow, 2, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int k = 0; k < 3; k++) {
                assertEquals(fresh(k), epoch(data, manager), "epoch " + k);
                assertEquals(k + 1, flow.epoch());
            }
        }
    }

    @Test
    void onEpochEndAfterEachEpochOnlyConfirmsIt() {
        ArrayFlow flow = flow();
        JdatagenDataset data = JdatagenDataset.of(flow, 1, 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int k = 0; k < 3; k++) {
                assertEquals(fresh(k), epoch(data, manager), "epoch " + k);
                data.sequence().onEpochEnd();
                assertEquals(k + 1, flow.epoch(), "a Keras-style on_epoch_end after DJL's epoch");
            }
        }
    }
}
