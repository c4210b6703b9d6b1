package io.jdatagen.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.augment.GeometricStep;
import io.jdatagen.augment.Geometry;
import io.jdatagen.augment.ImageShape;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.data.RandomKeys;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** {@link KerasPipeline#apply(Tensor, List, long, int)}: images with their boxes, fused and layer by layer. */
class KerasPipelineBoxesTest {
    private static final int N = 6;

    private static Tensor images(int height, int width) {
        Tensor t = Tensor.zeros(N, height, width, 2);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (i * 37) % 256;
        }
        return t;
    }

    private static List<BoundingBoxes> boxes(BoxFormat format, double height, double width) {
        List<BoundingBoxes> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            double[][] xyxy = {{3 + i * 0.25, 3, 8, 7.5}, {4, 4.5, 12 - i * 0.5, 9}, {5, 3.5, 6, 4}};
            out.add(BoundingBoxes.of(BoxFormat.XYXY, xyxy, new int[] {i, 7, 2}).convert(format, height, width));
        }
        return out;
    }

    private static KerasPipeline pipeline(KerasPipeline.Mode mode, KerasLayer... layers) {
        return KerasPipeline.builder().layers(layers).mode(mode).backend(new ReferenceBackend()).build();
    }

    @Test
    void theImagesAreThoseApplyMakes() {
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            KerasPipeline p = pipeline(mode, new RandomFlip(), new RandomRotation(0.1), new CenterCrop(10, 12));
            Tensor x = images(12, 16);
            ImagesAndBoxes out = p.apply(x, boxes(BoxFormat.XYXY, 12, 16), 5, 2);
            assertEquals(p.apply(x, 5, 2), out.images(), mode.toString());
            assertEquals(N, out.boxes().size());
        }
    }

    @Test
    void referenceModeRunsEachLayersKerasTransformInOrderWithTheSamplesDraws() {
        KerasLayer[] layers = {new RandomFlip("horizontal", null, null), new RandomTranslation(0.2, 0.3),
            new RandomZoom(0.2), new RandomShear(0.3, 0.2), new RandomRotation(0.2), new CenterCrop(10, 14),
            new RandomCrop(8, 12, null), new Resizing(6, 9)};
        KerasPipeline p = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, layers);
        for (BoxFormat format : new BoxFormat[] {BoxFormat.XYXY, BoxFormat.REL_CENTER_XYWH}) {
            List<BoundingBoxes> in = boxes(format, 12, 16);
            ImagesAndBoxes out = p.apply(images(12, 16), in, 11, 3);
            for (int i = 0; i < N; i++) {
                RandomGenerator rng = RandomKeys.forSample(11, 3, i);
                ImageShape shape = new ImageShape(12, 16, 2, DataFormat.CHANNELS_LAST);
                BoundingBoxes expected = in.get(i);
                for (KerasLayer layer : layers) {
                    GeometricStep<?> step = (GeometricStep<?>) layer.step();
                    Object params = step.draw(shape, rng);
                    expected = keras(layer, params, expected, shape);
                    if (params != null) {
                        Geometry g = geometry(step, params, shape);
                        shape = shape.withSize(g.height(), g.width());
                    }
                }
                assertEquals(expected, out.boxes().get(i), format + " sample " + i);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> BoundingBoxes keras(KerasLayer layer, Object params, BoundingBoxes boxes, ImageShape shape) {
        if (params == null && !(layer instanceof RandomFlip)) {
            return boxes;
        }
        return ((BoxTransform<P>) layer).transformBoundingBoxes(boxes, (P) params, shape);
    }

    @SuppressWarnings("unchecked")
    private static <P> Geometry geometry(GeometricStep<P> step, Object params, ImageShape shape) {
        return step.geometry((P) params, shape);
    }

    /**
     * Flips, shifts, centre crops and stretching resizes: Keras's box formulas follow the pixels there, so one
     * fused matrix per warp gives Keras's boxes for boxes that stay inside every intermediate image.
     */
    @Test
    void fusedModeAgreesWithKerasWhereKerasFollowsThePixels() {
        KerasLayer[] layers = {new RandomFlip(),
            new RandomTranslation(new double[] {0.1}, new double[] {0.1}, "constant", "nearest", null, 0.0, null),
            new CenterCrop(10, 14), new Resizing(15, 7)};
        for (BoxFormat format : new BoxFormat[] {BoxFormat.XYXY, BoxFormat.REL_YXYX, BoxFormat.CENTER_YXHW}) {
            List<BoundingBoxes> in = boxes(format, 12, 16);
            List<BoundingBoxes> fused = pipeline(KerasPipeline.Mode.FUSED, layers).apply(images(12, 16), in, 4, 0)
                    .boxes();
            List<BoundingBoxes> keras = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, layers)
                    .apply(images(12, 16), in, 4, 0).boxes();
            for (int i = 0; i < N; i++) {
                assertEquals(format, fused.get(i).format());
                assertArrayEquals(keras.get(i).labels(), fused.get(i).labels());
                BoxesGoldenTest.assertClose(format + " sample " + i, keras.get(i).boxes(), fused.get(i).boxes(), 1e-9);
            }
        }
    }

    /**
     * A quarter turn: the fused map sends the pixels' edges where the pixels go, Keras's formula turns the box
     * about {@code ((w − 1)/2, (h − 1)/2)} in edge coordinates, half a pixel from the image's centre.
     */
    @Test
    void aQuarterTurnMovesTheBoxWithItsPixelsWhereKerasIsOnePixelOff() {
        KerasLayer turn = new RandomRotation(new double[] {0.25, 0.25}, "constant", "nearest", null, 0, null);
        Tensor image = Tensor.zeros(8, 8, 1);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                image.data()[r * 8 + c] = 1;
            }
        }
        List<BoundingBoxes> box = List.of(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{0, 0, 3, 2}},
                new int[] {1}));
        ImagesAndBoxes fused = pipeline(KerasPipeline.Mode.FUSED, turn).apply(image, box, 1, 0);
        assertArrayEquals(new double[] {0, 5, 2, 8}, fused.boxes().get(0).box(0), 1e-9);
        Tensor out = fused.images();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(r >= 5 && c < 2 ? 1f : 0f, out.data()[r * 8 + c], 1e-6, "pixel " + r + "," + c);
            }
        }
        ImagesAndBoxes keras = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, turn).apply(image, box, 1, 0);
        assertArrayEquals(new double[] {0, 4, 2, 7}, keras.boxes().get(0).box(0), 1e-9);
    }

    @Test
    void refusesAnotherNumberOfBoxListsThanImagesAndLayersBoxesCannotFollow() {
        KerasPipeline p = KerasPipeline.of(new RandomFlip());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.apply(images(12, 16), boxes(BoxFormat.XYXY, 12, 16).subList(0, 2), 1, 0));
        assertEquals("boxes must hold one entry per image: 6; got 2", e.getMessage());
        KerasPipeline elastic = KerasPipeline.of(new RandomElasticTransform());
        e = assertThrows(IllegalArgumentException.class,
                () -> elastic.apply(images(12, 16), boxes(BoxFormat.XYXY, 12, 16), 1, 0));
        assertEquals("bounding boxes cannot follow RandomElasticTransform, which moves pixels outside the geometric"
                + " layers' warp", e.getMessage());
        KerasPipeline perspective = KerasPipeline.of(KerasLayers.fromConfig("RandomPerspective",
                java.util.Map.of("factor", 1.0, "scale", 0.5)));
        e = assertThrows(IllegalArgumentException.class, () -> perspective.apply(images(12, 16),
                boxes(BoxFormat.XYXY, 12, 16), List.of(), 1, 0));
        assertEquals("keypoints must hold one entry per image: 6; got 0", e.getMessage(),
                "RandomPerspective moves keypoints (PointsGoldenTest), so only the count is refused");
    }

    /**
     * The layers that change pixel values but move no pixel: Keras 3.15.1's {@code transform_bounding_boxes}
     * returns the boxes as they are (ContrastLimitedAdaptiveHistogramEqualization has none in Keras, and moves no
     * pixel either), so every sample's boxes come out as they went in, in both modes, while the images change.
     */
    @Test
    void layersThatMoveNoPixelLeaveTheBoxes() {
        String[] names = {"RandomBrightness", "RandomContrast", "RandomInvert", "RandomGrayscale", "Solarization",
            "RandomPosterization", "AutoContrast", "RandomColorDegeneration", "RandomSharpness", "RandomSaturation",
            "RandomHue", "RandomColorJitter", "Equalization", "ContrastLimitedAdaptiveHistogramEqualization",
            "RandomErasing", "RandomGaussianBlur", "Rescaling"};
        Tensor x = Tensor.zeros(N, 12, 16, 3);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (i * 37) % 256;
        }
        List<BoundingBoxes> in = boxes(BoxFormat.REL_CENTER_XYWH, 12, 16);
        for (String name : names) {
            KerasLayer layer = KerasLayers.fromConfig(name, config(name));
            for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
                ImagesAndBoxes out = pipeline(mode, layer).apply(x, in, 8, 1);
                assertEquals(in, out.boxes(), name + " " + mode);
                assertTrue(!x.equals(out.images()), name + " changes the images");
            }
        }
    }

    private static java.util.Map<String, Object> config(String name) {
        return switch (name) {
            case "RandomBrightness", "RandomContrast", "RandomSaturation", "RandomHue", "RandomSharpness",
                "RandomColorDegeneration" -> java.util.Map.of("factor", 0.5);
            case "RandomPosterization" -> java.util.Map.of("factor", 3);
            case "Solarization" -> java.util.Map.of("threshold_factor", 0.5);
            case "RandomGrayscale", "RandomInvert", "RandomErasing", "RandomGaussianBlur" ->
                java.util.Map.of("factor", 1.0);
            case "RandomColorJitter" -> java.util.Map.of("brightness_factor", 0.5);
            case "Rescaling" -> java.util.Map.of("scale", 0.5);
            default -> java.util.Map.of();
        };
    }

    /**
     * MixUp after a flip: the images are those {@link KerasPipeline#apply(Batch, long, int)} makes, and each
     * sample's boxes are its flipped boxes followed by those of the sample the batch's permutation mixes in.
     */
    @Test
    void mixUpAppendsTheMixedInSamplesBoxesWithTheBatchsDraw() {
        for (KerasPipeline.Mode mode : KerasPipeline.Mode.values()) {
            MixUp mixUp = new MixUp(0.4);
            KerasPipeline p = pipeline(mode, new RandomFlip(), mixUp);
            Tensor x = images(12, 16);
            List<BoundingBoxes> in = boxes(BoxFormat.REL_XYWH, 12, 16);
            ImagesAndBoxes out = p.apply(x, in, 9, 2);
            int[] rows = java.util.stream.IntStream.range(0, N).toArray();
            assertEquals(p.apply(new Batch(List.of(x), List.of(), null, rows), 9, 2).xTensor(), out.images(),
                    mode.toString());
            List<BoundingBoxes> flipped = pipeline(mode, new RandomFlip()).apply(x, in, 9, 2).boxes();
            int[] order = mixUp.draw(N, RandomKeys.forSample(~9L, 2, 0)).permutationOrder();
            assertTrue(!java.util.Arrays.equals(order, rows), "the permutation mixes samples: " + order);
            for (int i = 0; i < N; i++) {
                BoundingBoxes own = flipped.get(i);
                BoundingBoxes other = flipped.get(order[i]);
                BoundingBoxes got = out.boxes().get(i);
                assertEquals(BoxFormat.REL_XYWH, got.format());
                assertEquals(own.size() + other.size(), got.size(), mode + " sample " + i);
                for (int k = 0; k < got.size(); k++) {
                    BoundingBoxes from = k < own.size() ? own : other;
                    int j = k < own.size() ? k : k - own.size();
                    assertArrayEquals(from.box(j), got.box(k), 0.0, mode + " sample " + i + " box " + k);
                    assertEquals(from.label(j), got.label(k), mode + " sample " + i + " label " + k);
                }
            }
        }
    }

    @Test
    void refusesCutMixKeypointsAndASingleImageWithBatchLayers() {
        KerasPipeline cutMix = KerasPipeline.of(new RandomFlip(), new CutMix());
        assertEquals("bounding boxes cannot follow the batch layer CutMix: Keras 3.15.1 has no transform_bounding_boxes"
                + " for it; the batch layer that has one: MixUp", assertThrows(IllegalArgumentException.class,
                        () -> cutMix.apply(images(12, 16), boxes(BoxFormat.XYXY, 12, 16), 1, 0)).getMessage());
        KerasPipeline mixUp = KerasPipeline.of(new MixUp());
        assertEquals("the pipeline has batch layers (MixUp): Keras 3.15.1 has no keypoint transform for them; pass"
                + " boxes only", assertThrows(IllegalArgumentException.class, () -> mixUp.apply(images(12, 16),
                        boxes(BoxFormat.XYXY, 12, 16), List.of(), 1, 0)).getMessage());
        assertEquals("the pipeline has batch layers (MixUp): images must be a batch (rank 4); got shape [12, 16, 2]",
                assertThrows(IllegalArgumentException.class, () -> mixUp.apply(images(12, 16).item(0),
                        boxes(BoxFormat.XYXY, 12, 16).subList(0, 1), 1, 0)).getMessage());
    }

    private static KerasLayer[] aroundAPerspective() {
        return new KerasLayer[] {new RandomFlip(), RandomPerspective.fromConfig(java.util.Map.of("scale", 0.6)),
            new RandomTranslation(new double[] {0.1}, new double[] {0.1}, "constant", "nearest", null, 0.0, null)};
    }

    /**
     * RandomPerspective between two geometric layers, layer by layer: each sample's boxes go through the flip's,
     * the perspective's and the translation's Keras transforms with the sample's own draws, and the images are
     * those {@code apply} makes.
     */
    @Test
    void referenceModeMovesBoxesThroughRandomPerspectiveWithTheSamplesDraws() {
        KerasLayer[] layers = aroundAPerspective();
        KerasPipeline p = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, layers);
        int warped = 0;
        for (BoxFormat format : new BoxFormat[] {BoxFormat.XYXY, BoxFormat.REL_CENTER_XYWH}) {
            List<BoundingBoxes> in = boxes(format, 12, 16);
            ImagesAndBoxes out = p.apply(images(12, 16), in, 11, 3);
            assertEquals(p.apply(images(12, 16), 11, 3), out.images());
            for (int i = 0; i < N; i++) {
                RandomGenerator rng = RandomKeys.forSample(11, 3, i);
                ImageShape shape = new ImageShape(12, 16, 2, DataFormat.CHANNELS_LAST);
                BoundingBoxes expected = in.get(i);
                for (KerasLayer layer : layers) {
                    Object params = layer.step() instanceof GeometricStep<?> g ? g.draw(shape, rng)
                            : ((RandomPerspective) layer).draw(shape, rng);
                    if (params instanceof RandomPerspective.Perspective t && t.applied()) {
                        warped++;
                    }
                    expected = keras(layer, params, expected, shape);
                }
                assertEquals(expected, out.boxes().get(i), format + " sample " + i);
            }
        }
        assertTrue(warped > 0 && warped < 2 * N, "some samples warped, some not: " + warped);
    }

    /**
     * In the fused mode RandomPerspective ends the flip's warp and runs its Keras formula on the boxes there; the
     * flip and the translation follow the pixels, so the boxes are those of the reference mode.
     */
    @Test
    void fusedModeMovesBoxesThroughRandomPerspectiveBetweenTheWarps() {
        for (BoxFormat format : new BoxFormat[] {BoxFormat.XYXY, BoxFormat.REL_YXYX}) {
            List<BoundingBoxes> in = boxes(format, 12, 16);
            List<BoundingBoxes> fused = pipeline(KerasPipeline.Mode.FUSED, aroundAPerspective())
                    .apply(images(12, 16), in, 4, 0).boxes();
            List<BoundingBoxes> keras = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, aroundAPerspective())
                    .apply(images(12, 16), in, 4, 0).boxes();
            for (int i = 0; i < N; i++) {
                assertEquals(format, fused.get(i).format());
                assertArrayEquals(keras.get(i).labels(), fused.get(i).labels());
                BoxesGoldenTest.assertClose(format + " sample " + i, keras.get(i).boxes(), fused.get(i).boxes(), 1e-9);
            }
        }
    }

    @Test
    void maxNumBoundingBoxesPadsAndTruncatesEverySampleAndLeavesTheImages() {
        KerasPipeline p = pipeline(KerasPipeline.Mode.FUSED, new RandomFlip(), new MaxNumBoundingBoxes(2, -1));
        Tensor x = images(12, 16);
        ImagesAndBoxes out = p.apply(x, boxes(BoxFormat.XYXY, 12, 16), 9, 1);
        assertEquals(pipeline(KerasPipeline.Mode.FUSED, new RandomFlip()).apply(x, 9, 1), out.images());
        for (BoundingBoxes b : out.boxes()) {
            assertEquals(2, b.size());
        }
        KerasPipeline pad = pipeline(KerasPipeline.Mode.KERAS_REFERENCE, new MaxNumBoundingBoxes(5, -3));
        BoundingBoxes padded = pad.apply(x, boxes(BoxFormat.XYXY, 12, 16), 9, 1).boxes().get(0);
        assertArrayEquals(new int[] {0, 7, 2, -3, -3}, padded.labels());
        assertArrayEquals(new double[] {-3, -3, -3, -3}, padded.box(4));
    }

    @Test
    void maxNumBoundingBoxesReadsAndWritesKerasConfig() {
        MaxNumBoundingBoxes layer = new MaxNumBoundingBoxes(7, -2);
        assertEquals(List.of("name", "trainable", "dtype", "data_format", "max_number"),
                List.copyOf(layer.getConfig().keySet()));
        assertEquals(layer.getConfig(), KerasLayers.fromConfig("MaxNumBoundingBoxes", layer.getConfig()).getConfig());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KerasLayers.fromConfig("MaxNumBoundingBoxes", java.util.Map.of("max_number", -1)));
        assertEquals("max_number must be at least 0; got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> KerasLayers.fromConfig("MaxNumBoundingBoxes", java.util.Map.of("fill_value", 0)));
    }

    @Test
    void aLayersBoundingBoxFormatIsKeptAndMustBeTheBoxes() {
        java.util.Map<String, Object> config = new java.util.LinkedHashMap<>(new RandomFlip().getConfig());
        config.put("bounding_box_format", "rel_xyxy");
        RandomFlip flip = RandomFlip.fromConfig(config);
        assertEquals("rel_xyxy", flip.getConfig().get("bounding_box_format"));
        KerasPipeline p = KerasPipeline.of(flip);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.apply(images(12, 16), boxes(BoxFormat.XYXY, 12, 16), 1, 0));
        assertEquals("RandomFlip's bounding_box_format is rel_xyxy but boxes[0] are in xyxy; convert them"
                + " (BoundingBoxes.convert) or leave the layer's format unset", e.getMessage());
        assertEquals(N, p.apply(images(12, 16), boxes(BoxFormat.REL_XYXY, 12, 16), 1, 0).boxes().size());
        config.put("bounding_box_format", "corners");
        assertThrows(IllegalArgumentException.class, () -> RandomFlip.fromConfig(config));
    }
}
