package io.jdatagen.flow;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.Sequence;
import io.jdatagen.image.ImageDataGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A shuffled flow whose labels name its samples, for tests that check which samples an epoch
 * delivers (the framework adapters' tests use it through the api's test-jar).
 */
public final class EpochLabels {
    /** Samples in the flow: 10 in batches of 3, so an epoch has 4 batches, the last of 1. */
    public static final int SAMPLES = 10;

    private EpochLabels() {
    }

    /**
     * {@return a shuffled flow of 10 samples in batches of 3, with horizontal flips; sample i has
     * label i and pixel (0, 0) equal to i}
     *
     * @param seed the flow's seed, which fixes every epoch's order
     */
    public static ArrayFlow flow(long seed) {
        Tensor x = Tensor.zeros(SAMPLES, 2, 2, 1);
        Tensor y = Tensor.zeros(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            y.data()[i] = i;
            x.data()[4 * i] = i;
        }
        return ImageDataGenerator.builder().horizontalFlip(true).build()
                .flow(x, y, FlowOptions.arrays().batchSize(3).seed(seed));
    }

    /**
     * {@return the labels of every batch of epoch {@code k} of a fresh {@link #flow(long)}, in order}
     *
     * @param seed the flow's seed
     * @param k the epoch, from 0
     */
    public static List<Float> ofEpoch(long seed, int k) {
        List<Float> out = new ArrayList<>();
        Sequence<Batch> view = flow(seed).atEpoch(k);
        for (int i = 0; i < view.size(); i++) {
            for (float v : view.get(i).y().data()) {
                out.add(v);
            }
        }
        return out;
    }
}
