package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JdatagenDataset#getData} across epochs: each call is the epoch a fresh flow with the same
 * seed gives at that number, and the flow advances once per epoch however the caller ends it.
 */
class EpochDataTest {
    private static final int SAMPLES = 10;

    /** A shuffled flow of 10 samples in 4 batches; label i for sample i. */
    private static ArrayFlow flow() {
        Tensor x = Tensor.zeros(SAMPLES, 2, 2, 1);
        Tensor y = Tensor.zeros(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            y.data()[i] = i;
            x.data()[4 * i] = i;
        }
        return ImageDataGenerator.builder().horizontalFlip(true).build()
                .flow(x, y, FlowOptions.builder().batchSize(3).seed(13).build());
    }

    /** The labels of every batch of epoch {@code k} of a fresh flow, concatenated. */
    private static List<Float> fresh(int k) {
        List<Float> out = new ArrayList<>();
        Sequence<io.jdatagen.data.Batch> view = flow().atEpoch(k);
        for (int i = 0; i < view.size(); i++) {
            for (float v : view.get(i).y().data()) {
                out.add(v);
            }
        }
        return out;
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
