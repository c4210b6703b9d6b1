package io.jdatagen.detection;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import io.jdatagen.boxes.Keypoints;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the data-frame form of box annotations: a CSV file with the header
 * {@code filename,xmin,ymin,xmax,ymax,class} (other columns ignored) and one row per box, corners in the
 * image's pixel edges. A row whose box columns and class are all empty lists an image without boxes. Images
 * keep the order of their first row; class names are those given, or every class found, sorted. The CSV
 * states no image size: the flow takes each decoded image's.
 */
public final class CsvBoxAnnotations {
    private static final String[] COLUMNS = {"filename", "xmin", "ymin", "xmax", "ymax", "class"};

    private CsvBoxAnnotations() {
    }

    /**
     * {@return the annotations the rows of {@code csv} make, each image resolved against {@code imageDirectory}}
     *
     * @param classNames the classes in label order, or null for the sorted classes the rows use
     * @throws IllegalArgumentException naming the file, the row and the column, for a missing column, a value
     *     that is not a number, a box whose max is below its min, or a class not among {@code classNames}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Annotations read(Path csv, Path imageDirectory, List<String> classNames) {
        List<CSVRecord> rows;
        int width;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = parser(csv, in)) {
            for (String column : COLUMNS) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(csv + ": the header must name the column \"" + column
                            + "\"; got " + parser.getHeaderNames());
                }
            }
            // The header's names, repeated ones included: isConsistent() counts distinct names only.
            width = parser.getHeaderNames().size();
            rows = parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV's record iterator wraps a malformed row's IOException without naming the file.
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e.getCause());
        }
        TreeSet<String> found = new TreeSet<>();
        for (CSVRecord r : rows) {
            if (r.size() != width) {
                throw new IllegalArgumentException(csv + ": row " + (r.getRecordNumber() + 1) + " must hold "
                        + width + " values as the header does; got " + r.size());
            }
            if (!r.get("class").isEmpty()) {
                found.add(r.get("class"));
            }
        }
        List<String> names = classNames != null ? List.copyOf(classNames) : List.copyOf(found);
        Map<String, Integer> labelOf = new TreeMap<>();
        for (int c = 0; c < names.size(); c++) {
            labelOf.put(names.get(c), c);
        }
        Map<String, List<double[]>> boxes = new LinkedHashMap<>();
        Map<String, List<Integer>> labels = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            String where = csv + ": row " + (r.getRecordNumber() + 1);
            String file = r.get("filename");
            if (file.isEmpty()) {
                throw new IllegalArgumentException(where + ": filename must not be empty");
            }
            boxes.computeIfAbsent(file, f -> new ArrayList<>());
            labels.computeIfAbsent(file, f -> new ArrayList<>());
            if (r.get("xmin").isEmpty() && r.get("ymin").isEmpty() && r.get("xmax").isEmpty()
                    && r.get("ymax").isEmpty() && r.get("class").isEmpty()) {
                continue;
            }
            double[] box = new double[4];
            for (int k = 0; k < 4; k++) {
                box[k] = number(r, COLUMNS[k + 1], where);
            }
            if (box[2] < box[0] || box[3] < box[1]) {
                throw new IllegalArgumentException(where + ": xmax and ymax must not be below xmin and ymin; got "
                        + java.util.Arrays.toString(box));
            }
            Integer label = labelOf.get(r.get("class"));
            if (label == null) {
                throw new IllegalArgumentException(where + ": class must be one of " + labelOf.keySet() + "; got \""
                        + r.get("class") + "\"");
            }
            boxes.get(file).add(box);
            labels.get(file).add(label);
        }
        List<AnnotatedImage> images = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : boxes.entrySet()) {
            List<Integer> l = labels.get(e.getKey());
            images.add(new AnnotatedImage(ImagePaths.resolve(imageDirectory, e.getKey(), csv, "filename"), 0, 0,
                    BoundingBoxes.of(BoxFormat.XYXY, e.getValue().toArray(new double[0][]),
                            l.stream().mapToInt(Integer::intValue).toArray()),
                    new boolean[l.size()], Keypoints.empty()));
        }
        return new Annotations(names, images);
    }

    /**
     * A parser of {@code in} positioned after its header: Commons CSV refuses a header with an empty or a
     * repeated column name by an {@code IllegalArgumentException} that does not name the file, rethrown here
     * naming it.
     */
    private static CSVParser parser(Path csv, Reader in) throws IOException {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(csv + ": the header must name each column once; " + e.getMessage(),
                    e);
        }
    }

    private static double number(CSVRecord r, String column, String where) {
        String t = r.get(column);
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + column + " must be a number; got \"" + t + "\"");
    }
}
