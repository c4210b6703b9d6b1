package io.jdatagen.detection;

/**
 * What a reader does with boxes that evaluators ignore rather than count: COCO's {@code iscrowd: 1} (a box
 * around a crowd of objects) and Pascal VOC's {@code difficult: 1}.
 */
public enum CrowdBoxes {
    /**
     * Keep them, flagged ({@link AnnotatedImage#crowd(int)}): the default, as COCO's evaluator
     * ({@code pycocotools.COCOeval}) keeps crowd annotations and uses them only to ignore the detections that
     * match them.
     */
    KEEP,
    /** Leave them out (with their keypoints), as most detector training loops do. */
    DROP
}
