package io.jdatagen.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.DenseBoundingBoxes;
import io.jdatagen.boxes.Keypoints;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.image.TransformParameters;
import io.jdatagen.image.TransformedTargets;
import io.jdatagen.layers.KerasPipeline;
import io.jdatagen.layers.RandomFlip;
import io.jdatagen.layers.RandomRotation;
import io.jdatagen.layers.RandomTranslation;
import io.jdatagen.layers.RandomZoom;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link DetectionFlow} over the COCO fixture: three 16×12 images of solid squares (a: red and green squares
 * at the top-left and bottom-right edges, b: a blue square and a crowd box, c: no boxes), each square exactly
 * its box.
 */
class DetectionFlowTest {
    private static Annotations coco() {
        Path dir = AnnotationReadersTest.fixtures();
        return CocoAnnotations.read(dir.resolve("coco.json"), dir.resolve("images"), CrowdBoxes.KEEP);
    }

    @Test
    void resizingScalesBoxesAndKeypointsExactlyAndPadsTheDenseForm() {
        DetectionFlow flow = DetectionFlow.builder(coco()).targetSize(24, 32).batchSize(3).shuffle(false, 0).build();
        assertEquals(1, flow.size());
        DetectionBatch batch = flow.batch(0, 0);
        assertArrayEquals(new int[] {3, 24, 32, 3}, batch.images().shape());
        DenseBoundingBoxes d = batch.boxes();
        assertArrayEquals(new int[] {2, 2, 0}, d.counts());
        assertArrayEquals(new double[] {0, 0, 8, 6}, d.boxes()[0][0]);
        assertArrayEquals(new double[] {20, 12, 32, 24}, d.boxes()[0][1]);
        assertArrayEquals(new double[] {-1, -1, -1, -1}, d.boxes()[2][0]);
        assertArrayEquals(new int[] {-1, -1}, d.labels()[2]);
        assertArrayEquals(new double[] {3, 3, 2, 5, 3, 1, 0, 0, 0, 0, 0, 0}, batch.keypoints().get(0).toFlat());
        assertEquals(0, batch.keypoints().get(2).size());
        assertTrue(batch.sources().get(1).crowd(1));
        Tensor x = batch.images();
        assertEquals(255f, x.data()[0]);
        assertEquals(40f, x.data()[2 * 24 * 32 * 3]);
    }

    @Test
    void relativeFormatsAreSizedForTheTargetAndTheLastBatchHoldsTheRest() {
        DetectionFlow flow = DetectionFlow.builder(coco()).targetSize(24, 32).batchSize(2).shuffle(false, 0)
                .boxFormat(BoxFormat.REL_XYXY).build();
        assertEquals(2, flow.size());
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25}, flow.batch(0, 0).boxes().boxes()[0][0], 1e-12);
        assertEquals(1, flow.batch(1, 0).size());
        assertThrows(IllegalArgumentException.class, () -> flow.batch(2, 0));
    }

    /**
     * Through a fused warp, every lit pixel of a square stays inside its moved box grown by the bilinear reach
     * (1.5 pixels: one input pixel scaled by at most 1.3), the box holds at least 90% of the square's light,
     * and a visible keypoint at the red square's centre stays on red.
     */
    @Test
    void boxesAndKeypointsFollowTheSquaresThroughAFusedTransform() {
        KerasPipeline p = KerasPipeline.builder().layers(new RandomFlip(),
                new RandomRotation(new double[] {-0.1, 0.1}, "constant", "bilinear", null, 0, null),
                new RandomTranslation(new double[] {-0.2, 0.2}, new double[] {-0.2, 0.2}, "constant", "bilinear",
                        null, 0, null),
                new RandomZoom(new double[] {-0.3, 0.3}, null, "constant", "bilinear", null, 0, null))
                .mode(KerasPipeline.Mode.FUSED).backend(new ReferenceBackend()).build();
        DetectionFlow flow = DetectionFlow.builder(coco()).targetSize(24, 32).batchSize(3).pipeline(p)
                .shuffle(true, 5).build();
        int boxesChecked = 0;
        int pointsChecked = 0;
        for (int epoch = 0; epoch < 30; epoch++) {
            DetectionBatch batch = flow.batch(0, epoch);
            for (int b = 0; b < batch.size(); b++) {
                String name = batch.sources().get(b).file().getFileName().toString();
                int[] channels = name.equals("a.png") ? new int[] {0, 1} : name.equals("b.png") ? new int[] {2}
                        : new int[0];
                for (int i = 0; i < channels.length; i++) {
                    if (batch.boxes().labels()[b][i] == -1) {
                        continue;
                    }
                    double[] box = batch.boxes().boxes()[b][i];
                    checkSquare(batch.images(), b, channels[i], box, name + " box " + i + " epoch " + epoch);
                    boxesChecked++;
                }
                Keypoints k = batch.keypoints().get(b);
                if (name.equals("a.png") && k.visibility(0) != Keypoints.OUTSIDE) {
                    double[] q = k.point(0);
                    assertTrue(value(batch.images(), b, (int) q[1], (int) q[0], 0) > 100, "keypoint on red, epoch "
                            + epoch);
                    pointsChecked++;
                }
            }
        }
        assertTrue(boxesChecked > 50 && pointsChecked > 10, boxesChecked + " boxes, " + pointsChecked + " points");
    }

    private static ImageDataGenerator generator(Compatibility mode) {
        return ImageDataGenerator.builder().rotationRange(20).widthShiftRange(0.2).heightShiftRange(0.2)
                .shearRange(10).zoomRange(0.8, 1.25).horizontalFlip(true).verticalFlip(true)
                .fillMode(FillMode.CONSTANT).cval(0).interpolationOrder(0).compatibility(mode)
                .backend(new ReferenceBackend()).build();
    }

    /**
     * With Keras's ImageDataGenerator as the augmenter, in both modes: every lit pixel of a square stays in its
     * moved box (nearest sampling, so within the same 1.5-pixel reach), a visible keypoint at the red square's
     * centre stays on red, and sample {@code s} is the generator's {@code augmentInto} of the resized image
     * drawing from {@code RandomKeys.forSample(seed, epoch, s)}, its targets {@code transformTargets} of the
     * parameters drawn: the same draws as the generator's flows.
     */
    @Test
    void boxesAndKeypointsFollowTheSquaresThroughTheGenerator() {
        for (Compatibility mode : Compatibility.values()) {
            ImageDataGenerator g = generator(mode);
            DetectionFlow flow = DetectionFlow.builder(coco()).targetSize(24, 32).batchSize(3).augmenter(g)
                    .shuffle(false, 5).build();
            DetectionBatch plain = DetectionFlow.builder(coco()).targetSize(24, 32).batchSize(3).shuffle(false, 5)
                    .build().batch(0, 0);
            int boxesChecked = 0;
            int pointsChecked = 0;
            int moved = 0;
            for (int epoch = 0; epoch < 30; epoch++) {
                DetectionBatch batch = flow.batch(0, epoch);
                for (int b = 0; b < batch.size(); b++) {
                    Tensor out = Tensor.zeros(1, 24, 32, 3);
                    TransformParameters p = g.augmentInto(SourceImage.of(plain.images().item(b),
                            DataFormat.CHANNELS_LAST), RandomKeys.forSample(5, epoch, b), out, 0);
                    assertArrayEquals(out.data(), batch.images().item(b).data(), mode + " epoch " + epoch);
                    TransformedTargets t = g.transformTargets(new int[] {24, 32, 3}, p,
                            BoundingBoxes.of(BoxFormat.XYXY, plain.boxes().boxes()[b], plain.boxes().labels()[b])
                                    .dropVanished(), plain.keypoints().get(b));
                    for (int i = 0; i < t.boxes().size(); i++) {
                        assertArrayEquals(t.boxes().box(i), batch.boxes().boxes()[b][i]);
                    }
                    String name = batch.sources().get(b).file().getFileName().toString();
                    int[] channels = name.equals("a.png") ? new int[] {0, 1} : name.equals("b.png") ? new int[] {2}
                            : new int[0];
                    for (int i = 0; i < channels.length; i++) {
                        if (batch.boxes().labels()[b][i] == -1) {
                            continue;
                        }
                        double[] box = batch.boxes().boxes()[b][i];
                        if (!java.util.Arrays.equals(box, plain.boxes().boxes()[b][i])) {
                            moved++;
                        }
                        checkSquare(batch.images(), b, channels[i], box, mode + " " + name + " box " + i + " epoch "
                                + epoch);
                        boxesChecked++;
                    }
                    Keypoints k = batch.keypoints().get(b);
                    if (name.equals("a.png") && k.visibility(0) != Keypoints.OUTSIDE) {
                        double[] q = k.point(0);
                        assertTrue(value(batch.images(), b, (int) q[1], (int) q[0], 0) > 100, mode
                                + " keypoint on red, epoch " + epoch);
                        pointsChecked++;
                    }
                }
            }
            assertTrue(boxesChecked > 50 && pointsChecked > 10 && moved > 40, mode + ": " + boxesChecked + " boxes ("
                    + moved + " moved), " + pointsChecked + " points");
        }
    }

    @Test
    void theAugmenterIsChannelsLastAndNotBesideAPipeline() {
        ImageDataGenerator first = ImageDataGenerator.builder().dataFormat(DataFormat.CHANNELS_FIRST).build();
        assertEquals("augmenter must be a channels_last generator (batches are height, width, channels); got "
                + DataFormat.CHANNELS_FIRST, assertThrows(IllegalArgumentException.class,
                        () -> DetectionFlow.builder(coco()).augmenter(first)).getMessage());
        DetectionFlow.Builder both = DetectionFlow.builder(coco()).targetSize(24, 32)
                .augmenter(generator(Compatibility.DOCUMENTED)).pipeline(KerasPipeline.of(new RandomFlip()));
        assertThrows(IllegalArgumentException.class, both::build);
    }

    private static float value(Tensor images, int b, int row, int col, int channel) {
        return images.data()[((b * 24 + row) * 32 + col) * 3 + channel];
    }

    private static void checkSquare(Tensor images, int b, int channel, double[] box, String what) {
        double inside = 0;
        double total = 0;
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 32; c++) {
                float v = value(images, b, r, c, channel);
                if (v <= 1e-3) {
                    continue;
                }
                double x = c + 0.5;
                double y = r + 0.5;
                assertTrue(x > box[0] - 1.5 && x < box[2] + 1.5 && y > box[1] - 1.5 && y < box[3] + 1.5,
                        what + ": light at (" + r + ", " + c + ") outside the grown box");
                total += v;
                if (x > box[0] && x < box[2] && y > box[1] && y < box[3]) {
                    inside += v;
                }
            }
        }
        assertTrue(total == 0 || inside >= 0.9 * total, what + ": " + inside + " of " + total + " inside");
    }

    @Test
    void anImageWhoseSizeDiffersFromItsAnnotationIsNamed() {
        Annotations coco = coco();
        AnnotatedImage a = coco.images().get(0);
        AnnotatedImage wrong = new AnnotatedImage(a.file(), 17, 12, a.boxes(), new boolean[] {false, false},
                a.keypoints());
        DetectionFlow flow = DetectionFlow.builder(new Annotations(coco.classNames(), java.util.List.of(wrong)))
                .targetSize(12, 16).build();
        assertEquals(a.file() + ": the annotation's width is 17 but the image's is 16",
                assertThrows(IllegalArgumentException.class, () -> flow.batch(0, 0)).getMessage());
    }
}
