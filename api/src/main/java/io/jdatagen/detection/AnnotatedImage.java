package io.jdatagen.detection;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One image file with its annotations: its boxes ({@link BoxFormat#XYXY}, pixel edges, labels indexing the
 * class names), a crowd flag per box, and its keypoints: for a data set with {@code K} keypoints per object,
 * {@code K} per box in box order (box {@code i}'s are points {@code i·K .. i·K + K − 1}; a box annotated
 * without keypoints gets {@code K} points of visibility 0), otherwise none. An image without boxes is kept,
 * with no boxes. Immutable.
 */
public final class AnnotatedImage {
    private final Path file;
    private final int width;
    private final int height;
    private final BoundingBoxes boxes;
    private final boolean[] crowd;
    private final Keypoints keypoints;

    /**
     * Checks and copies the parts.
     *
     * @param width the width the annotation states, or 0 where the source states none (the flow then takes
     *     the decoded image's)
     * @param height as {@code width}
     * @throws IllegalArgumentException for boxes not in xyxy, a crowd array of another length or a negative size
     */
    AnnotatedImage(Path file, int width, int height, BoundingBoxes boxes, boolean[] crowd, Keypoints keypoints) {
        this.file = Objects.requireNonNull(file, "file");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must be >= 0; got " + width + " x " + height
                    + " for " + file);
        }
        if (boxes.format() != BoxFormat.XYXY || crowd.length != boxes.size()) {
            throw new IllegalArgumentException("boxes must be xyxy with one crowd flag each; got " + boxes.format()
                    + " and " + crowd.length + " flags for " + boxes.size() + " boxes");
        }
        this.width = width;
        this.height = height;
        this.boxes = boxes;
        this.crowd = crowd.clone();
        this.keypoints = Objects.requireNonNull(keypoints, "keypoints");
    }

    /** {@return the image file} */
    public Path file() {
        return file;
    }

    /** {@return the width the annotation states; 0 where it states none} */
    public int width() {
        return width;
    }

    /** {@return the height the annotation states; 0 where it states none} */
    public int height() {
        return height;
    }

    /** {@return the boxes, xyxy in the image's pixel edges, labels indexing the class names} */
    public BoundingBoxes boxes() {
        return boxes;
    }

    /** {@return whether box {@code i} is a crowd box (COCO's {@code iscrowd}, VOC's {@code difficult})} */
    public boolean crowd(int i) {
        return crowd[i];
    }

    /** {@return the keypoints, {@code K} per box in box order, or none} */
    public Keypoints keypoints() {
        return keypoints;
    }

    /** {@return this image without its crowd boxes and their keypoints} */
    AnnotatedImage withoutCrowd() {
        int n = boxes.size();
        int k = n == 0 ? 0 : keypoints.size() / n;
        double[][] kept = new double[n][];
        int[] labels = new int[n];
        double[] flat = keypoints.toFlat();
        double[] keptPoints = new double[flat.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!crowd[i]) {
                kept[m] = boxes.box(i);
                labels[m] = boxes.label(i);
                System.arraycopy(flat, 3 * k * i, keptPoints, 3 * k * m, 3 * k);
                m++;
            }
        }
        return new AnnotatedImage(file, width, height, BoundingBoxes.of(BoxFormat.XYXY, Arrays.copyOf(kept, m),
                Arrays.copyOf(labels, m)), new boolean[m], Keypoints.ofFlat(Arrays.copyOf(keptPoints, 3 * k * m)));
    }

    @Override
    public String toString() {
        return "AnnotatedImage[" + file + ", " + width + "x" + height + ", " + boxes + "]";
    }
}
