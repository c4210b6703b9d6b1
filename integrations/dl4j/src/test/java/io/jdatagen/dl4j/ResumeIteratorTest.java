package io.jdatagen.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.data.Position;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.EpochLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Both iterators resumed from a {@code position()} kept as text, over a flow built afresh: the
 * batches before the stop and after the resumption equal an uninterrupted {@code fit}-style run of
 * three passes (features and labels), for seeded-random stops, and the flow ends at the same epoch.
 */
class ResumeIteratorTest {
    private static final long SEED = 23;
    private static final int EPOCHS = 3;

    /** One of the two iterators, seen through what the test needs. */
    private interface Passes {
        boolean hasNext();

        String next();

        void reset();

        Position position();
    }

    private static String bytes(INDArray... arrays) {
        StringBuilder out = new StringBuilder();
        for (INDArray a : arrays) {
            out.append(Arrays.toString(a.shape())).append(Arrays.toString(a.data().asFloat())).append('|');
        }
        return out.toString();
    }

    private static Passes single(ArrayFlow flow, Position resume) {
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 2, 1);
        if (resume != null) {
            it.resumeFrom(resume);
        }
        return new Passes() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public String next() {
                var d = it.next();
                return bytes(d.getFeatures(), d.getLabels());
            }

            public void reset() {
                it.reset();
            }

            public Position position() {
                return it.position();
            }
        };
    }

    private static Passes multi(ArrayFlow flow, Position resume) {
        JdatagenMultiDataSetIterator it = JdatagenMultiDataSetIterator.of(flow, 2, 1);
        if (resume != null) {
            it.resumeFrom(resume);
        }
        return new Passes() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public String next() {
                MultiDataSet d = it.next();
                return bytes(d.getFeatures(0), d.getLabels(0));
            }

            public void reset() {
                it.reset();
            }

            public Position position() {
                return it.position();
            }
        };
    }

    /** Passes as DL4J's {@code fit(iterator, epochs)} runs them, until {@code limit} batches are taken. */
    private static void take(Passes it, ArrayFlow flow, int limit, List<String> out) {
        while (out.size() < limit && flow.epoch() < EPOCHS) {
            if (!it.hasNext()) {
                it.reset();
                continue;
            }
            out.add(it.next());
        }
    }

    private interface Factory {
        Passes make(ArrayFlow flow, Position resume);
    }

    private static void assertResumes(Factory factory, long seed, int stops) {
        ArrayFlow whole = EpochLabels.flow(SEED);
        List<String> expected = new ArrayList<>();
        take(factory.make(whole, null), whole, Integer.MAX_VALUE, expected);
        assertEquals(EPOCHS * whole.size(), expected.size());
        Random random = new Random(seed);
        for (int n = 0; n < stops; n++) {
            int stop = n == 0 ? whole.size() : random.nextInt(expected.size());
            ArrayFlow first = EpochLabels.flow(SEED);
            List<String> actual = new ArrayList<>();
            Passes stopped = factory.make(first, null);
            take(stopped, first, stop, actual);
            Position position = Position.parse(stopped.position().toString());
            ArrayFlow again = EpochLabels.flow(SEED);
            take(factory.make(again, position), again, Integer.MAX_VALUE, actual);
            assertEquals(expected, actual, "stopped after " + stop + " batches at " + position);
            assertEquals(EPOCHS, again.epoch(), "one advance per epoch after resuming at " + position);
        }
    }

    @Test
    void aResumedDataSetIteratorEqualsTheUninterruptedRun() {
        assertResumes(ResumeIteratorTest::single, 7, 6);
    }

    @Test
    void aResumedMultiDataSetIteratorEqualsTheUninterruptedRun() {
        assertResumes(ResumeIteratorTest::multi, 8, 4);
    }

    @Test
    void aResetBeforeTheResumedPassTakesABatchKeepsTheResumption() {
        ArrayFlow flow = EpochLabels.flow(SEED);
        Position position = new Position(SEED, 1, 2, 4, 3, 0, 1, flow.position(0, 0).fingerprint());
        JdatagenDataSetIterator it = JdatagenDataSetIterator.of(flow, 1, 0).resumeFrom(position);
        assertEquals(position, it.position());
        assertTrue(it.hasNext());
        it.reset();
        assertEquals(position, it.position(), "nothing was taken: the pass still starts at the position");
        List<Float> labels = new ArrayList<>();
        while (it.hasNext()) {
            for (float v : it.next().getLabels().data().asFloat()) {
                labels.add(v);
            }
        }
        assertEquals(EpochLabels.ofEpoch(SEED, 1).subList(6, 10), labels);
        assertEquals(2, flow.epoch());
    }

    @Test
    void aPositionOfAnotherSeedIsRefused() {
        Position other = EpochLabels.flow(SEED + 1).position(0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdatagenDataSetIterator.of(EpochLabels.flow(SEED), 1, 0).resumeFrom(other));
        assertTrue(e.getMessage().contains("its seed is " + (SEED + 1)), e.getMessage());
    }
}
