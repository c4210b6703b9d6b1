package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.DenseBoundingBoxes;
import io.jdatagen.detection.Annotations;
import io.jdatagen.detection.CsvBoxAnnotations;
import io.jdatagen.detection.DetectionFlow;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.Rescaling;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny single-object detector (class and box of the one square in each image) trained with DJL (PyTorch,
 * CPU) on generated squares through {@link DetectionDataset}: flips move the boxes with the pixels, and the
 * labels arrive in DJL's {@code [class, xmin, ymin, xmax, ymax]} layout.
 */
class DetectionTrainingTest {
    private static final int SIZE = 32;

    /**
     * Class cross-entropy on the first two outputs plus 5 × the mean absolute error of the sigmoid of the
     * last four against the first label row's relative corners.
     */
    private static final class OneBoxLoss extends Loss {
        private final Loss classes = Loss.softmaxCrossEntropyLoss();

        OneBoxLoss() {
            super("one-box");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray first = labels.singletonOrThrow().get(":, 0, :");
            NDArray out = predictions.singletonOrThrow();
            NDArray ce = classes.evaluate(new NDList(first.get(":, 0")), new NDList(out.get(":, 0:2")));
            NDArray l1 = Activation.sigmoid(out.get(":, 2:")).sub(first.get(":, 1:")).abs().mean();
            return ce.add(l1.mul(5));
        }
    }

    /** {@code {loss, mean IoU}} of the trainer's model on one epoch of {@code data}. */
    private static double[] evaluate(Trainer trainer, DetectionDataset data) throws java.io.IOException,
            ai.djl.translate.TranslateException {
        double loss = 0;
        double iou = 0;
        long n = 0;
        for (Batch batch : trainer.iterateDataset(data)) {
            try (batch) {
                NDList predictions = trainer.evaluate(batch.getData());
                loss += trainer.getLoss().evaluate(batch.getLabels(), predictions).getFloat() * batch.getSize();
                float[] boxes = Activation.sigmoid(predictions.singletonOrThrow().get(":, 2:")).toFloatArray();
                float[] labels = batch.getLabels().singletonOrThrow().get(":, 0, 1:").toFloatArray();
                for (int i = 0; i < batch.getSize(); i++) {
                    iou += iou(boxes, labels, 4 * i);
                }
                n += batch.getSize();
            }
        }
        return new double[] {loss / n, iou / n};
    }

    private static double iou(float[] a, float[] b, int at) {
        double w = Math.min(a[at + 2], b[at + 2]) - Math.max(a[at], b[at]);
        double h = Math.min(a[at + 3], b[at + 3]) - Math.max(a[at + 1], b[at + 1]);
        double inter = w > 0 && h > 0 ? w * h : 0;
        double areaA = Math.max(0, a[at + 2] - a[at]) * Math.max(0, a[at + 3] - a[at + 1]);
        double areaB = (b[at + 2] - b[at]) * (b[at + 3] - b[at + 1]);
        return inter / (areaA + areaB - inter);
    }

    @Test
    void aTinyDetectorLearnsFromBoxesThatFollowTheFlips(@TempDir Path root) throws Exception {
        Annotations train = CsvBoxAnnotations.read(SquaresFolder.write(root.resolve("train"), 64, SIZE, 1)
                .resolve("boxes.csv"), root.resolve("train"), List.of("red", "blue"));
        Annotations heldOut = CsvBoxAnnotations.read(SquaresFolder.write(root.resolve("held"), 32, SIZE, 2)
                .resolve("boxes.csv"), root.resolve("held"), List.of("red", "blue"));
        KerasPipeline augment = KerasPipeline.of(new RandomFlip(), new Rescaling(1 / 255.0));
        DetectionDataset data = DetectionDataset.of(DetectionFlow.builder(train).targetSize(SIZE, SIZE)
                .batchSize(16).pipeline(augment).shuffle(true, 3).build());
        DetectionDataset held = DetectionDataset.of(DetectionFlow.builder(heldOut).targetSize(SIZE, SIZE)
                .batchSize(16).pipeline(KerasPipeline.of(new Rescaling(1 / 255.0))).shuffle(false, 0).build());
        Engine.getInstance().setRandomSeed(7);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16)
                        .build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32)
                        .build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(6).build());
        try (Model model = Model.newInstance("squares", "PyTorch")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new OneBoxLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.003f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(16, 3, SIZE, SIZE));
                double[] before = evaluate(trainer, held);
                EasyTrain.fit(trainer, 8, data, null);
                double[] after = evaluate(trainer, held);
                assertEquals(8, data.nextEpoch(), "each of DJL's epochs was a new epoch of the flow");
                assertTrue(after[0] < 0.6 * before[0], "held-out loss falls: " + before[0] + " -> " + after[0]);
                assertTrue(after[1] > before[1] + 0.2 && after[1] > 0.4, "held-out IoU grows: " + before[1] + " -> "
                        + after[1]);
            }
        }
    }

    @Test
    void labelsAreDjlsClassAndRelativeCornersPaddedWithMinusOne() {
        BoundingBoxes a = BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{2, 4, 10, 8}, {0, 0, 1, 1}},
                new int[] {1, -1});
        BoundingBoxes b = BoundingBoxes.empty(BoxFormat.XYXY);
        float[] rows = DetectionLabels.rows(DenseBoundingBoxes.of(List.of(a, b)), 8, 16);
        assertArrayEquals(new float[] {1, 0.125f, 0.5f, 0.625f, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1}, rows);
        float[] none = DetectionLabels.rows(DenseBoundingBoxes.of(List.of(b, b)), 8, 16);
        assertArrayEquals(new float[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, none);
        BoundingBoxes rel = a.convert(BoxFormat.REL_CENTER_XYWH, 8, 16);
        assertArrayEquals(rows, DetectionLabels.rows(DenseBoundingBoxes.of(List.of(rel, b.convert(
                BoxFormat.REL_CENTER_XYWH, 8, 16))), 8, 16), 1e-6f);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = DetectionLabels.create(manager, DenseBoundingBoxes.of(List.of(a, b)), 8, 16);
            assertArrayEquals(new long[] {2, 2, 5}, array.getShape().getShape());
            assertArrayEquals(rows, array.toFloatArray());
        }
    }
}
