/**
 * Detection and pose data: images with per-image annotations read from COCO JSON
 * ({@link io.jdatagen.detection.CocoAnnotations}), Pascal VOC XML ({@link io.jdatagen.detection.VocAnnotations})
 * or a table of one row per box ({@link io.jdatagen.detection.CsvBoxAnnotations}), and a flow of batches whose
 * boxes and keypoints follow the pixels through a {@link io.jdatagen.layers.KerasPipeline}
 * ({@link io.jdatagen.detection.DetectionFlow}).
 *
 * <p>Every reader turns its file's convention into the boxes package's: boxes as {@code xyxy} in the image's
 * pixel edges (0 is the left edge, {@code width} the right one), labels {@code 0..C-1} indexing
 * {@link io.jdatagen.detection.Annotations#classNames()}. Annotation files are untrusted input like images: a
 * malformed one is refused with an {@link IllegalArgumentException} naming the file and the field, and the
 * XML reader resolves no DTD or external entity.
 *
 * @see <a href="https://cocodataset.org/#format-data">COCO's data format</a>
 * @see <a href="http://host.robots.ox.ac.uk/pascal/VOC/voc2012/devkit_doc.pdf">Pascal VOC devkit
 *     (annotation format)</a>
 */
package io.jdatagen.detection;
