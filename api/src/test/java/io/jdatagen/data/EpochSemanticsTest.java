package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.timeseries.SeriesData;
import io.jdatagen.timeseries.TimeseriesDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Epochs cannot silently repeat: three epochs taken by for-each loops or by a loader are three new
 * permutations with new random draws, and the same seed replays all three.
 */
class EpochSemanticsTest {
    /** One epoch's sample order and pixels. */
    private record Epoch(int[] order, float[] pixels) {
    }

    private static ArrayFlow flow(long seed) {
        Tensor x = Tensor.zeros(12, 6, 6, 1);
        for (int k = 0; k < x.size(); k++) {
            x.data()[k] = k % 37;
        }
        return ImageDataGenerator.builder().rotationRange(40).build().flow(x, null,
                FlowOptions.arrays().batchSize(5).seed(seed));
    }

    private static Epoch collect(Iterable<Batch> batches) {
        List<Integer> order = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        for (Batch b : batches) {
            Arrays.stream(b.indices()).forEach(order::add);
            pixels.add(b.xTensor().data().clone());
        }
        int n = pixels.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : pixels) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return new Epoch(order.stream().mapToInt(Integer::intValue).toArray(), all);
    }

    private static List<Epoch> threeEpochs(Sequence<Batch> sequence, Function<Sequence<Batch>, Iterable<Batch>> style) {
        List<Epoch> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            epochs.add(collect(style.apply(sequence)));
        }
        return epochs;
    }

    private static void assertNewEpochsThatReplay(Function<Long, Sequence<Batch>> make,
            Function<Sequence<Batch>, Iterable<Batch>> style) {
        Sequence<Batch> sequence = make.apply(7L);
        List<Epoch> epochs = threeEpochs(sequence, style);
        assertEquals(3, sequence.epoch(), "each full pass moved to the next epoch");
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertFalse(Arrays.equals(epochs.get(a).order(), epochs.get(b).order()), "epochs " + a + ", " + b);
                assertFalse(Arrays.equals(epochs.get(a).pixels(), epochs.get(b).pixels()), "draws " + a + ", " + b);
            }
        }
        List<Epoch> replay = threeEpochs(make.apply(7L), style);
        for (int e = 0; e < 3; e++) {
            assertArrayEquals(epochs.get(e).order(), replay.get(e).order());
            assertArrayEquals(epochs.get(e).pixels(), replay.get(e).pixels());
        }
    }

    @Test
    void forEachLoopsTakeANewEpochEachTime() {
        assertNewEpochsThatReplay(EpochSemanticsTest::flow, s -> s);
    }

    @Test
    void loadersTakeANewEpochEachTime() {
        assertNewEpochsThatReplay(EpochSemanticsTest::flow, s -> Loader.of(s, 2, 2));
    }

    @Test
    void aLoaderOverSeveralEpochsAndLoopsAgree() {
        List<Epoch> loops = threeEpochs(flow(3), s -> s);
        ArrayFlow flow = flow(3);
        Epoch all = collect(Loader.of(flow, 2, 1, 3));
        assertEquals(3, flow.epoch());
        int n = 12;
        for (int e = 0; e < 3; e++) {
            assertArrayEquals(loops.get(e).order(), Arrays.copyOfRange(all.order(), e * n, (e + 1) * n));
        }
    }

    @Test
    void timeseriesDatasetsFollowTheSameRule() {
        Function<Long, Sequence<Batch>> windows = seed -> {
            float[] values = new float[40];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            return TimeseriesDataset.builder(SeriesData.of(values)).sequenceLength(4).batchSize(8).shuffle(true)
                    .seed(seed).build();
        };
        Sequence<Batch> s = windows.apply(1L);
        collect(s);
        assertEquals(1, s.epoch());
        int[] first = collect(windows.apply(1L)).order();
        int[] second = collect(s).order();
        assertFalse(Arrays.equals(first, second), "the second loop is a new shuffle");
    }

    @Test
    void anIterationLeftEarlyDoesNotAdvance() {
        ArrayFlow flow = flow(5);
        for (Batch b : flow) {
            assertEquals(5, b.size());
            break;
        }
        assertEquals(0, flow.epoch());
    }
}
