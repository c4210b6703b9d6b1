package io.jdatagen.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.jdatagen.detection.Annotations;
import io.jdatagen.detection.CsvBoxAnnotations;
import io.jdatagen.detection.DetectionFlow;
import io.jdatagen.djl.DetectionDataset;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.Rescaling;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Detection: boxes and keypoints" program, verbatim but for printing to the test's stream, run on
 * generated squares: it prints a loss per epoch, and the loss falls.
 */
class DetectionReadmeTest {
    // ---- the README's class, verbatim but for printing to the test's stream instead of System.out

    static final class TrainDetectorWithDjl {
        static PrintStream out = System.out;

        /** Class cross-entropy on the first outputs, plus 5 x L1 of the sigmoid of the last 4 against box 0. */
        static final class OneBoxLoss extends Loss {
            private final int classes;

            OneBoxLoss(int classes) {
                super("one-box");
                this.classes = classes;
            }

            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray first = labels.singletonOrThrow().get(":, 0, :");          // [class, xmin, ymin, xmax, ymax]
                NDArray out = predictions.singletonOrThrow();
                NDArray ce = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(first.get(":, 0")),
                        new NDList(out.get(":, 0:" + classes)));
                NDArray l1 = Activation.sigmoid(out.get(":, " + classes + ":")).sub(first.get(":, 1:")).abs().mean();
                return ce.add(l1.mul(5));
            }
        }

        public static void main(String[] args) throws Exception {
            // args[0]: images and boxes.csv (filename,xmin,ymin,xmax,ymax,class), one object per image
            Path dir = Path.of(args[0]);
            Annotations boxes = CsvBoxAnnotations.read(dir.resolve("boxes.csv"), dir, null);
            KerasPipeline augment = KerasPipeline.of(new RandomFlip(), new Rescaling(1 / 255.0));   // boxes flip too
            DetectionDataset train = DetectionDataset.of(DetectionFlow.builder(boxes).targetSize(32, 32).batchSize(16)
                    .pipeline(augment).shuffle(true, 7).build());
            int classes = boxes.classNames().size();
            Engine.getInstance().setRandomSeed(7);
            try (Model model = Model.newInstance("one-box")) {
                model.setBlock(new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16)
                                .build()).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32)
                                .build()).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                        .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(64).build()).add(Activation::relu)
                        .add(Linear.builder().setUnits(classes + 4).build()));        // class scores, then the box
                DefaultTrainingConfig config = new DefaultTrainingConfig(new OneBoxLoss(classes))
                        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.003f)).build())
                        .addTrainingListeners(TrainingListener.Defaults.basic());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(16, 3, 32, 32));
                    for (int epoch = 1; epoch <= 8; epoch++) {
                        EasyTrain.fit(trainer, 1, train, null);
                        out.printf("epoch %d: loss %.3f%n", epoch, trainer.getTrainingResult().getTrainLoss());
                    }
                }
            }
        }
    }

    @Test
    void theReadmeProgramTrainsAndItsLossFalls(@TempDir Path root) throws Exception {
        SquaresFolder.write(root, 64, 32, 5);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrainDetectorWithDjl.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            TrainDetectorWithDjl.main(new String[] {root.toString()});
        } finally {
            TrainDetectorWithDjl.out = System.out;
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(8, lines.length, printed.toString(StandardCharsets.UTF_8));
        double first = loss(lines[0]);
        double last = loss(lines[7]);
        assertTrue(last < 0.5 * first, "the training loss falls: " + first + " -> " + last);
    }

    private static double loss(String line) {
        return Double.parseDouble(line.substring(line.indexOf("loss ") + 5).replace(',', '.'));
    }
}
