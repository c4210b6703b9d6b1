package io.jdatagen.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a COCO annotation file ({@code instances_*.json}, {@code person_keypoints_*.json}): {@code images}
 * ({@code id}, {@code file_name}, {@code width}, {@code height}), {@code annotations} ({@code image_id},
 * {@code bbox} as {@code [x, y, width, height]} in pixel edges, {@code category_id}, optional {@code iscrowd}
 * and {@code keypoints} as {@code [x1, y1, v1, ...]}) and {@code categories} ({@code id}, {@code name}).
 * Other fields (segmentation, area, info, licenses) are ignored.
 *
 * <p>COCO's category ids need not be contiguous (1 to 90 for 80 classes): the labels are the categories'
 * ranks by id, {@code 0..C-1}, and {@link Annotations#classNames()} their names in that order. Images keep
 * the file's order; boxes keep each image's annotations' order.
 */
public final class CocoAnnotations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CocoAnnotations() {
    }

    /**
     * {@return {@link #read(Path, Path, CrowdBoxes)} keeping the crowd boxes, flagged (COCO's evaluator's
     * choice)}
     *
     * @throws IllegalArgumentException naming the file and the field, for a malformed file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Annotations read(Path json, Path imageDirectory) {
        return read(json, imageDirectory, CrowdBoxes.KEEP);
    }

    /**
     * {@return the annotations of {@code json}, each image's file resolved against {@code imageDirectory}}
     *
     * @param crowd whether crowd boxes are kept (flagged) or left out
     * @throws IllegalArgumentException naming the file and the field, for a malformed file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Annotations read(Path json, Path imageDirectory, CrowdBoxes crowd) {
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(json + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
        return new Reader(json, imageDirectory).read(root).apply(crowd);
    }

    /** One file's parse, so that every error names the file. */
    private static final class Reader {
        private final Path file;
        private final Path imageDirectory;

        Reader(Path file, Path imageDirectory) {
            this.file = file;
            this.imageDirectory = imageDirectory;
        }

        Annotations read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw error("the top level", "must be an object", root);
            }
            Map<Long, Integer> labelOf = new LinkedHashMap<>();
            List<String> names = categories(array(root, "categories"), labelOf);
            JsonNode images = array(root, "images");
            Map<Long, Integer> indexOf = new LinkedHashMap<>();
            for (int i = 0; i < images.size(); i++) {
                long id = integer(images.get(i), "images[" + i + "].id", "id");
                if (indexOf.put(id, i) != null) {
                    throw error("images[" + i + "].id", "must be unique", images.get(i).get("id"));
                }
            }
            List<List<JsonNode>> byImage = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                byImage.add(new ArrayList<>());
            }
            JsonNode annotations = root.has("annotations") ? array(root, "annotations") : JSON.createArrayNode();
            int pointsPerBox = 0;
            for (int a = 0; a < annotations.size(); a++) {
                JsonNode ann = annotations.get(a);
                String where = "annotations[" + a + "]";
                Integer image = indexOf.get(integer(ann, where + ".image_id", "image_id"));
                if (image == null) {
                    throw error(where + ".image_id", "must name an image's id", ann.get("image_id"));
                }
                byImage.get(image).add(ann);
                if (ann.has("keypoints")) {
                    JsonNode k = ann.get("keypoints");
                    if (!k.isArray() || k.size() % 3 != 0) {
                        throw error(where + ".keypoints", "must be a list of (x, y, visibility) triples", k);
                    }
                    if (pointsPerBox != 0 && k.size() / 3 != pointsPerBox) {
                        throw error(where + ".keypoints", "must hold " + pointsPerBox + " points as the others do", k);
                    }
                    pointsPerBox = k.size() / 3;
                }
            }
            Map<JsonNode, Integer> annotationIndex = new java.util.IdentityHashMap<>();
            for (int a = 0; a < annotations.size(); a++) {
                annotationIndex.put(annotations.get(a), a);
            }
            List<AnnotatedImage> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                JsonNode img = images.get(i);
                String where = "images[" + i + "]";
                String name = text(img, where + ".file_name", "file_name");
                int width = size(img, where + ".width", "width");
                int height = size(img, where + ".height", "height");
                List<JsonNode> anns = byImage.get(i);
                double[][] boxes = new double[anns.size()][];
                int[] labels = new int[anns.size()];
                boolean[] crowd = new boolean[anns.size()];
                double[] points = new double[3 * pointsPerBox * anns.size()];
                for (int b = 0; b < anns.size(); b++) {
                    JsonNode ann = anns.get(b);
                    String at = "annotations[" + annotationIndex.get(ann) + "]";
                    boxes[b] = bbox(ann.get("bbox"), at + ".bbox");
                    Integer label = labelOf.get(integer(ann, at + ".category_id", "category_id"));
                    if (label == null) {
                        throw error(at + ".category_id", "must name a category's id " + labelOf.keySet(),
                                ann.get("category_id"));
                    }
                    labels[b] = label;
                    if (ann.has("iscrowd")) {
                        long c = integer(ann, at + ".iscrowd", "iscrowd");
                        if (c != 0 && c != 1) {
                            throw error(at + ".iscrowd", "must be 0 or 1", ann.get("iscrowd"));
                        }
                        crowd[b] = c == 1;
                    }
                    if (ann.has("keypoints")) {
                        JsonNode k = ann.get("keypoints");
                        for (int j = 0; j < k.size(); j++) {
                            if (!k.get(j).isNumber()) {
                                throw error(at + ".keypoints[" + j + "]", "must be a number", k.get(j));
                            }
                            points[3 * pointsPerBox * b + j] = k.get(j).asDouble();
                        }
                    }
                }
                out.add(new AnnotatedImage(ImagePaths.resolve(imageDirectory, name, file, where + ".file_name"), width, height,
                        BoundingBoxes.of(BoxFormat.XYWH, boxes, labels).convert(BoxFormat.XYXY, height, width), crowd,
                        pointsPerBox == 0 ? Keypoints.empty() : Keypoints.ofFlat(points)));
            }
            return new Annotations(names, out);
        }

        private List<String> categories(JsonNode categories, Map<Long, Integer> labelOf) {
            TreeMap<Long, String> byId = new TreeMap<>();
            for (int c = 0; c < categories.size(); c++) {
                JsonNode cat = categories.get(c);
                long id = integer(cat, "categories[" + c + "].id", "id");
                if (byId.put(id, text(cat, "categories[" + c + "].name", "name")) != null) {
                    throw error("categories[" + c + "].id", "must be unique", cat.get("id"));
                }
            }
            List<String> names = new ArrayList<>();
            for (Map.Entry<Long, String> e : byId.entrySet()) {
                labelOf.put(e.getKey(), names.size());
                names.add(e.getValue());
            }
            return names;
        }

        private double[] bbox(JsonNode box, String where) {
            if (box == null || !box.isArray() || box.size() != 4) {
                throw error(where, "must be 4 numbers [x, y, width, height]", box);
            }
            double[] out = new double[4];
            for (int k = 0; k < 4; k++) {
                if (!box.get(k).isNumber() || !Double.isFinite(box.get(k).asDouble())) {
                    throw error(where, "must be 4 numbers [x, y, width, height]", box);
                }
                out[k] = box.get(k).asDouble();
            }
            if (out[2] < 0 || out[3] < 0) {
                throw error(where, "must have a width and height >= 0", box);
            }
            return out;
        }

        private JsonNode array(JsonNode node, String field) {
            JsonNode a = node.get(field);
            if (a == null || !a.isArray()) {
                throw error(field, "must be a list", a);
            }
            return a;
        }

        /** A whole number that fits in a {@code long} (a larger one is refused, not wrapped). */
        private long integer(JsonNode node, String where, String field) {
            JsonNode v = node == null ? null : node.get(field);
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(where, "must be an integer", v);
            }
            return v.asLong();
        }

        /** An image's width or height in pixels: a whole number from 0 (none stated) to the largest {@code int}. */
        private int size(JsonNode node, String where, String field) {
            long v = integer(node, where, field);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw error(where, "must be an integer from 0 to " + Integer.MAX_VALUE, node.get(field));
            }
            return (int) v;
        }

        private String text(JsonNode node, String where, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                throw error(where, "must be a non-empty string", v);
            }
            return v.asText();
        }

        private IllegalArgumentException error(String field, String rule, JsonNode got) {
            return new IllegalArgumentException(file + ": " + field + " " + rule + "; got "
                    + (got == null ? "nothing" : got.toString()));
        }
    }
}
