package io.jdatagen.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a stopped loader: for flows built afresh (as in a new process), the batches before the
 * stop plus the resumed loader's batches equal an uninterrupted run byte for byte, for stops at
 * seeded-random batches (epoch starts and ends included), and the flow's epoch advances as in the
 * uninterrupted run. A position from another flow is refused, naming the field.
 */
class ResumeTest {
    private static final ImageDataGenerator AUGMENT = ImageDataGenerator.builder().rotationRange(20)
            .widthShiftRange(0.1).zoomRange(0.2).horizontalFlip(true).channelShiftRange(10).rescale(1 / 255.0)
            .build();
    private static final int EPOCHS = 3;
    private static final int WORKERS = 2;
    private static final int STOPS = 6;

    /** A shuffled, augmented array flow of 11 samples; batches of {@code batchSize}. */
    private static ArrayFlow arrays(long seed, int batchSize) {
        Tensor x = Tensor.zeros(11, 6, 5, 3);
        Tensor y = Tensor.zeros(11);
        Random r = new Random(1);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = r.nextInt(256);
        }
        for (int i = 0; i < 11; i++) {
            y.data()[i] = i;
        }
        return AUGMENT.flow(x, y, FlowOptions.arrays().batchSize(batchSize).shuffle(true).seed(seed));
    }

    /** A shuffled, augmented directory flow of 9 small PNGs in two classes, batches of 2. */
    private static Sequence<Batch> directory(Path root) {
        for (int i = 0; i < 9; i++) {
            Path file = root.resolve((i % 2 == 0 ? "a" : "b") + "/img" + i + ".png");
            if (!file.toFile().exists()) {
                TestImages.write(file, TestImages.encode(TestImages.toBuffered(TestImages.gradient(10 + i, 12, 3)),
                        "png"));
            }
        }
        return AUGMENT.flowFromDirectory(root, FlowOptions.directory().targetSize(8, 8).batchSize(2).seed(17));
    }

    /** The raw bytes of a batch's inputs and targets (floats by their bits). */
    private static String bytes(Batch b) {
        return HexFormat.of().formatHex(bits(b.xTensor().data())) + "|" + HexFormat.of().formatHex(bits(b.y().data()));
    }

    private static byte[] bits(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (float v : values) {
            buffer.putInt(Float.floatToRawIntBits(v));
        }
        return buffer.array();
    }

    private static List<String> uninterrupted(Sequence<Batch> flow) {
        List<String> out = new ArrayList<>();
        try (Loader<Batch> loader = Loader.of(flow, WORKERS, 1, EPOCHS)) {
            for (Batch b : loader) {
                out.add(bytes(b));
            }
        }
        assertEquals(EPOCHS, flow.epoch());
        return out;
    }

    /**
     * Stops a loader over a fresh flow after {@code stop} batches (workers still computing ahead), keeps
     * its position as text, and resumes a loader over another fresh flow from the parsed text.
     */
    private static List<String> stoppedAndResumed(Supplier<Sequence<Batch>> flows, int stop) {
        List<String> out = new ArrayList<>();
        String saved;
        Sequence<Batch> first = flows.get();
        try (Loader<Batch> loader = Loader.of(first, WORKERS, 1, EPOCHS)) {
            for (int i = 0; i < stop; i++) {
                out.add(bytes(loader.next()));
            }
            saved = loader.position().toString();
        }
        Position position = Position.parse(saved);
        assertEquals(saved, position.toString());
        assertEquals(stop / first.size(), position.epoch(), "epoch of the position after " + stop + " batches");
        assertEquals(stop % first.size(), position.batch(), "batch of the position after " + stop + " batches");
        Sequence<Batch> resumed = flows.get();
        try (Loader<Batch> loader = Loader.resume(resumed, position, WORKERS, 1, EPOCHS - position.epoch())) {
            assertEquals(position.epoch(), resumed.epoch(), "the resumed flow is at the position's epoch");
            for (Batch b : loader) {
                out.add(bytes(b));
            }
        }
        assertEquals(EPOCHS, resumed.epoch(), "one advance per epoch, the resumed one included");
        return out;
    }

    private static void assertResumes(Supplier<Sequence<Batch>> flows, long seed) {
        List<String> expected = uninterrupted(flows.get());
        int total = expected.size();
        Random random = new Random(seed);
        List<Integer> stops = new ArrayList<>(List.of(0, 1, total / EPOCHS, total - 1));
        while (stops.size() < STOPS) {
            stops.add(random.nextInt(total));
        }
        for (int stop : stops) {
            List<String> actual = stoppedAndResumed(flows, stop);
            assertEquals(total, actual.size(), "batches when stopped after " + stop);
            for (int i = 0; i < total; i++) {
                assertEquals(expected.get(i), actual.get(i), "batch " + i + " when stopped after " + stop);
            }
        }
    }

    @Test
    void aResumedArrayFlowEqualsTheUninterruptedRun() {
        assertResumes(() -> arrays(5, 3), 101);
    }

    @Test
    void aResumedDirectoryFlowEqualsTheUninterruptedRun(@TempDir Path root) {
        assertResumes(() -> directory(root), 202);
    }

    @Test
    void eachResumedShardEqualsItsUninterruptedRun() {
        for (int rank = 0; rank < 2; rank++) {
            int r = rank;
            assertResumes(() -> arrays(5, 2).shard(2, r), 303 + rank);
        }
    }

    @Test
    void aPositionTakenAfterTheLastBatchStartsTheNextEpoch() {
        ArrayFlow flow = arrays(5, 3);
        Loader<Batch> loader = Loader.of(flow, WORKERS, 0, 2);
        loader.forEachRemaining(b -> { });
        Position after = loader.position();
        assertEquals(2, after.epoch());
        assertEquals(0, after.batch());
        ArrayFlow fresh = arrays(5, 3);
        List<String> next = new ArrayList<>();
        try (Loader<Batch> resumed = Loader.resume(fresh, after, 1, 0, 1)) {
            resumed.forEachRemaining(b -> next.add(bytes(b)));
        }
        List<String> third = new ArrayList<>();
        Sequence<Batch> view = arrays(5, 3).atEpoch(2);
        for (int i = 0; i < view.size(); i++) {
            third.add(bytes(view.get(i)));
        }
        assertEquals(third, next);
        assertEquals(3, fresh.epoch());
    }

    @Test
    void aResumedFlowThenLoopsAndEndsEpochsAsIfNeverStopped() {
        ArrayFlow flow = arrays(5, 3);
        Position position;
        try (Loader<Batch> loader = Loader.of(flow, WORKERS, 1, 1)) {
            loader.next();
            position = loader.position();
        }
        ArrayFlow fresh = arrays(5, 3);
        try (Loader<Batch> loader = Loader.resume(fresh, position, WORKERS, 1, 1)) {
            loader.forEachRemaining(b -> { });
        }
        fresh.onEpochEnd();
        assertEquals(1, fresh.epoch(), "onEpochEnd() after the resumed epoch's end only confirms it");
    }

    /** The position of a loader that has handed out nothing yet: the flow's first batch. */
    private static Position startOf(Sequence<Batch> flow) {
        try (Loader<Batch> loader = Loader.of(flow, 1, 0)) {
            return loader.position();
        }
    }

    @Test
    void aPositionFromAnotherFlowIsRefusedNamingTheField(@TempDir Path root) {
        Position position = startOf(arrays(5, 3));
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(arrays(6, 3), position, 1, 0, 1));
        assertTrue(seed.getMessage().contains("its seed is 5 but the flow's is 6"), seed.getMessage());
        // The batch size is named even where the batch count agrees (11 samples: 3 batches of 4 or of 5).
        Position ofFour = startOf(arrays(5, 4));
        IllegalArgumentException five = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(arrays(5, 5), ofFour, 1, 0, 1));
        assertTrue(five.getMessage().contains("its batch-size is 4 but the flow's is 5"), five.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(arrays(5, 4), position, 1, 0, 1));
        assertTrue(size.getMessage().contains("its batch-size is 3 but the flow's is 4"), size.getMessage());
        IllegalArgumentException shard = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(arrays(5, 3).shard(2, 1), arrays(5, 3).shard(2, 0).position(0, 0), 1, 0, 1));
        assertTrue(shard.getMessage().contains("its shard is 0/2 but the flow's is 1/2"), shard.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(directory(root), new Position(17, 0, 0, 5, 2, 0, 1, 42), 1, 0, 1));
        assertTrue(kind.getMessage().contains("its fingerprint"), kind.getMessage());
        ArrayFlow untouched = arrays(6, 3);
        assertThrows(IllegalArgumentException.class, () -> Loader.resume(untouched, new Position(5, 2, 0, 4, 3, 0, 1,
                0), 1, 0, 1));
        assertEquals(0, untouched.epoch(), "a refused position leaves the flow's epoch alone");
    }

    @Test
    void theFingerprintFollowsTheShuffleAndTheSamples() {
        long base = arrays(5, 3).position(0, 0).fingerprint();
        assertEquals(base, arrays(5, 3).position(1, 2).fingerprint(), "a fresh flow like it");
        Tensor x = Tensor.zeros(11, 6, 5, 3);
        assertNotEquals(base, AUGMENT.flow(x, Tensor.zeros(11), FlowOptions.arrays().batchSize(3).shuffle(false)
                .seed(5)).position(0, 0).fingerprint(), "without a shuffle");
        assertNotEquals(base, AUGMENT.flow(Tensor.zeros(12, 6, 5, 3), Tensor.zeros(12), FlowOptions.arrays()
                .batchSize(3).seed(5)).position(0, 0).fingerprint(), "another sample count");
    }

    @Test
    void theTextFormIsStrict() {
        Position p = new Position(-3, 7, 2, 9, 4, 1, 2, 0xfedcba9876543210L);
        assertEquals("jdatagen-position/1 seed=-3 epoch=7 batch=2 batches=9 batch-size=4 shard=1/2"
                + " fingerprint=fedcba9876543210", p.toString());
        assertEquals(p, Position.parse("  " + p + "\n"));
        String text = p.toString();
        assertMessage("format version 2 is not supported", text.replace("/1 ", "/2 "));
        assertMessage("not a jdatagen position", "position " + text);
        assertMessage("field epoch is missing", text.replace("epoch=7 ", ""));
        assertMessage("field epoch is given twice", text + " epoch=7");
        assertMessage("unknown position fields: [rank]", text + " rank=1");
        assertMessage("field batch must be an int", text.replace("batch=2", "batch=x"));
        assertMessage("fingerprint must be 16 hex digits", text.replace("fingerprint=f", "fingerprint="));
        assertMessage("batch must be in [0, 9)", text.replace("batch=2", "batch=9"));
        assertMessage("shard must have count >= 1", text.replace("shard=1/2", "shard=2/2"));
    }

    @Test
    void theFingerprintIsTheSameOnEveryMachine() {
        // A golden value: the digest uses only specified arithmetic, so any JDK and CPU gives it.
        assertEquals(Long.parseUnsignedLong("532d7a2caf89aba3", 16), new Fingerprint().add(7).add("ab")
                .add(new int[] {1, 2}).add(List.of("x")).add((String) null).value());
    }

    private static void assertMessage(String part, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Position.parse(text));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** A Keras-style sequence that keeps its own epoch and moves only by {@code onEpochEnd()}. */
    private static final class Counting implements Sequence<Integer> {
        private int epoch;

        @Override
        public int size() {
            return 2;
        }

        @Override
        public Integer get(int index) {
            return 10 * epoch + index;
        }

        @Override
        public void onEpochEnd() {
            epoch++;
        }

        @Override
        public int epoch() {
            return epoch;
        }

        @Override
        public Sequence<Integer> atEpoch(int e) {
            Counting view = new Counting();
            view.epoch = e;
            return view;
        }
    }

    @Test
    void aSequenceThatKeepsItsOwnEpochIsMovedForwardByOnEpochEnd() {
        Counting numbers = new Counting();
        List<Integer> taken = new ArrayList<>();
        try (Loader<Integer> loader = Loader.resume(numbers, Position.unkeyed(2, 1, 2), 1, 0, 2)) {
            loader.forEachRemaining(taken::add);
        }
        assertEquals(List.of(21, 30, 31), taken);
        assertEquals(4, numbers.epoch());
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class,
                () -> Loader.resume(numbers, Position.unkeyed(1, 0, 2), 1, 0, 1));
        assertTrue(back.getMessage().contains("cannot move this sequence from epoch 4 to epoch 1"), back.getMessage());
    }

    @Test
    void aSequenceWithoutAKeyResumesByItsBatchCount() {
        List<Integer> taken = new ArrayList<>();
        Sequence<Integer> numbers = new EpochSequence<>() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            protected Integer batch(int epoch, int index) {
                return 10 * epoch + index;
            }
        };
        Position position = Position.unkeyed(1, 3, 4);
        try (Loader<Integer> loader = Loader.resume(numbers, position, 2, 0, 2)) {
            loader.forEachRemaining(taken::add);
        }
        assertEquals(List.of(13, 20, 21, 22, 23), taken);
        assertEquals(3, numbers.epoch());
        assertFalse(assertThrows(IllegalArgumentException.class, () -> Loader.resume(numbers,
                Position.unkeyed(0, 0, 5), 1, 0, 1)).getMessage().isEmpty());
    }
}
