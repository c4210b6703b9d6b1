package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny CNN trained with DJL (PyTorch engine, CPU) on a generated folder through {@link JdatagenDataset}. */
class DjlTrainingTest {
    private static final int SIZE = 24;

    /** {@code {loss, accuracy}} of the trainer's model on one epoch of {@code data}. */
    private static double[] evaluate(Trainer trainer, JdatagenDataset data) throws Exception {
        double loss = 0;
        long correct = 0;
        long n = 0;
        for (Batch batch : trainer.iterateDataset(data)) {
            try (batch) {
                NDList predictions = trainer.evaluate(batch.getData());
                NDArray labels = batch.getLabels().singletonOrThrow();
                loss += trainer.getLoss().evaluate(batch.getLabels(), predictions).getFloat() * batch.getSize();
                NDArray guessed = predictions.singletonOrThrow().argMax(1).toType(labels.getDataType(), false);
                correct += guessed.eq(labels.flatten()).sum().getLong();
                n += batch.getSize();
            }
        }
        return new double[] {loss / n, (double) correct / n};
    }

    @Test
    void aTinyCnnLearnsThroughTheAdapter(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 48, SIZE, 11);
        ImageDataGenerator gen = ImageDataGenerator.builder().horizontalFlip(true).rescale(1 / 255.0)
                .validationSplit(0.25).dataFormat("channels_first").build();
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(SIZE, SIZE).classMode("sparse").batchSize(12)
                .seed(3).output("float32");
        FileFlow trainFlow = gen.flowFromDirectory(root, options.subset("training"));
        FileFlow validationFlow = gen.flowFromDirectory(root, options.subset("validation").shuffle(false));
        JdatagenDataset train = JdatagenDataset.of(trainFlow, 2, 2);
        JdatagenDataset validation = JdatagenDataset.of(validationFlow, 2, 2);

        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(8).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        try (Model model = Model.newInstance("stripes", "PyTorch")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(12, 3, SIZE, SIZE));
                double[] before = evaluate(trainer, validation);
                EasyTrain.fit(trainer, 4, train, null);
                double[] after = evaluate(trainer, validation);
                assertEquals(4, trainFlow.epoch(), "each of DJL's epochs advanced the flow");
                assertTrue(after[0] < before[0], "validation loss falls: " + before[0] + " -> " + after[0]);
                assertTrue(after[1] > 0.75, "accuracy beats chance (0.5): " + after[1]);
            }
        }
    }

    @Test
    void batchesKeepTheSequenceShapesAndLabels(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 4, SIZE, 2);
        ImageDataGenerator gen = ImageDataGenerator.builder().dataFormat("channels_first").build();
        FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE).classMode("sparse")
                .batchSize(5).shuffle(false));
        io.jdatagen.data.Batch expected = flow.get(0);
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            JdatagenDataset data = JdatagenDataset.of(flow, 1, 0);
            int batches = 0;
            for (Batch b : data.getData(manager)) {
                try (b) {
                    if (batches == 0) {
                        assertArrayEquals(new long[] {5, 3, SIZE, SIZE}, b.getData().singletonOrThrow().getShape()
                                .getShape());
                        assertArrayEquals(expected.xTensor().data(), b.getData().singletonOrThrow().toFloatArray());
                        assertArrayEquals(expected.y().data(), b.getLabels().singletonOrThrow().toFloatArray());
                    }
                    batches++;
                }
            }
            assertEquals(flow.size(), batches);
            assertEquals(1, flow.epoch());
        }
    }

    @Test
    void bufferedBatchesBecomeArraysOverTheSameMemory(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 4, SIZE, 5);
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(10).dataFormat("channels_first").build();
        for (ElementType type : new ElementType[] {ElementType.FLOAT32, ElementType.UINT8, ElementType.FLOAT16}) {
            FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE)
                    .classMode("sparse").batchSize(5).seed(2).output(type));
            io.jdatagen.data.Batch batch = flow.get(0);
            BufferTensor x = (BufferTensor) batch.x();
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray array = JdatagenDataset.adopt(manager, x);
                assertArrayEquals(x.longShape(), array.getShape().getShape(), type.toString());
                assertEquals(type.bytes(), array.getDataType().getNumOfBytes(), type.toString());
                assertArrayEquals(x.toTensor().data(), array.toType(DataType.FLOAT32, false).toFloatArray(),
                        type + ": the array holds the batch");
                int last = x.size() - 1;
                x.setElement(last, 77f);
                assertEquals(77f, array.toType(DataType.FLOAT32, false).toFloatArray()[last],
                        type + ": a write into the kernels' buffer shows in the array, so it is the same memory");
            }
        }
        FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE).classMode("sparse")
                .batchSize(5).seed(2).output("uint8"));
        io.jdatagen.data.Batch expected = flow.atEpoch(0).get(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch first = JdatagenDataset.of(flow, 1, 0).getData(manager).iterator().next();
            try (first) {
                NDArray images = first.getData().singletonOrThrow();
                assertEquals(DataType.UINT8, images.getDataType(), "the dataset hands out the flow's uint8 batches");
                assertArrayEquals(expected.x().toTensor().data(), images.toType(DataType.FLOAT32, false).toFloatArray());
            }
        }
    }
}
