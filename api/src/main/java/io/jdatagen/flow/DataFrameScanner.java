package io.jdatagen.flow;

import io.jdatagen.core.Tensor;
import io.jdatagen.io.ImageFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code DataFrameIterator} ({@code flowFromDataframe}): rows of file
 * names and labels, checked in Keras's order with Keras's messages, invalid file names dropped
 * (with a warning), classes filtered, then the validation split taken over all rows.
 */
final class DataFrameScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DataFrameScanner.class);

    private DataFrameScanner() {
    }

    /**
     * Creates the flow; see {@code ImageDataGenerator.flowFromDataframe}.
     *
     * @throws IllegalArgumentException with Keras's messages (Keras's TypeErrors included) for bad
     *     columns, labels or weights, and for options that do not apply; when no row is left before the
     *     validation split, naming the CSV file, the folder the names resolve against and the rows
     *     dropped, and why
     */
    static FileFlow create(Augmenter augmenter, DataFrame table, FlowOptions o) {
        ClassMode mode = o.classMode;
        check(table, o);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            rows.add(i);
        }
        List<Object> names = table.column(o.xCol);
        Path[] files = resolveAll(o.directory, names, o.validateFilenames);
        int invalid = 0;
        List<String> invalidExamples = new ArrayList<>();
        if (o.validateFilenames) {
            List<Integer> valid = new ArrayList<>();
            for (int r : rows) {
                Path p = files[r];
                if (p != null && FileSources.isWhiteListed(p.toString()) && Files.isRegularFile(p)) {
                    valid.add(r);
                } else if (invalidExamples.size() < 3) {
                    invalidExamples.add((String) names.get(r));
                }
            }
            invalid = rows.size() - valid.size();
            if (valid.size() != rows.size()) {
                LOG.warn("Found {} invalid image filename(s) in x_col=\"{}\". These filename(s) will be ignored.",
                        rows.size() - valid.size(), o.xCol);
            }
            rows = valid;
        }
        ImageFileReader loader = FileSources.loader(o);
        List<Path> skipped = new ArrayList<>();
        if (o.skipUnreadable) {
            List<Path> candidates = rows.stream().map(r -> files[r]).toList();
            List<Integer> kept = new ArrayList<>();
            for (int i : FileSources.readable(candidates, loader, skipped)) {
                kept.add(rows.get(i));
            }
            rows = kept;
        }
        Map<String, Integer> classIndices = new LinkedHashMap<>();
        List<Object> y = mode.usesClasses() ? table.column(o.yCol.get(0)) : null;
        Map<Integer, List<String>> labelsOfRow = new LinkedHashMap<>();
        int labelled = rows.size();
        if (mode.usesClasses()) {
            rows = filterClasses(rows, y, o.classes, classIndices, labelsOfRow);
        }
        if (rows.isEmpty()) {
            throw EmptySource.dataFrame(table, o, invalid, invalidExamples, skipped, labelled - rows.size(),
                    classIndices.keySet());
        }
        if (o.subset != null) {
            double[] f = o.subset.fractions(o.validationSplit(augmenter));
            int n = rows.size();
            rows = rows.subList(Subset.cut(f[0], n), Subset.cut(f[1], n));
        }
        List<Path> paths = new ArrayList<>();
        List<String> filenames = new ArrayList<>();
        int[][] labels = mode.usesClasses() ? new int[rows.size()][] : null;
        for (int i = 0; i < rows.size(); i++) {
            String name = (String) names.get(rows.get(i));
            filenames.add(name);
            paths.add(files[rows.get(i)]);
            if (labels != null) {
                labels[i] = labelsOfRow.get(rows.get(i)).stream().mapToInt(classIndices::get).toArray();
            }
        }
        List<Integer> selected = List.copyOf(rows);
        List<Tensor> raw = switch (mode) {
            case RAW -> List.of(o.yColList ? numeric(table, o.yCol, selected) : numeric(table, o.yCol.get(0), selected));
            case MULTI_OUTPUT -> o.yCol.stream().map(c -> numeric(table, c, selected)).toList();
            default -> null;
        };
        Tensor weights = o.weightCol == null ? null : numeric(table, o.weightCol, rows);
        String validated = o.validateFilenames ? "validated" : "non-validated";
        String summary = mode.usesClasses()
                ? "Found " + paths.size() + " " + validated + " image filenames belonging to " + classIndices.size()
                        + " classes."
                : "Found " + paths.size() + " " + validated + " image filenames.";
        LOG.info(summary);
        return new FileFlow(augmenter, loader, mode,
                new FileFlow.Rows(paths, filenames, labels, classIndices, raw, weights, skipped, summary), o);
    }

    /**
     * Each row's file: its name resolved against {@code directory} (the working folder when null),
     * see {@link FileNames#resolve}. A name that cannot be a file name in the platform charset and
     * matches no file by its UTF-8 bytes is null when {@code validated} (an invalid file name, dropped
     * as Keras drops missing files), else an error naming the row.
     */
    private static Path[] resolveAll(Path directory, List<Object> names, boolean validated) {
        Path base = directory == null ? Path.of("") : directory;
        Path[] files = new Path[names.size()];
        Map<Path, Map<String, Path>> listings = new HashMap<>();
        for (int r = 0; r < files.length; r++) {
            String name = (String) names.get(r);
            files[r] = FileNames.resolve(base, name, listings).orElse(null);
            if (files[r] == null && !validated) {
                throw new IllegalArgumentException("file name \"" + name + "\" (row " + r + ") cannot be a file name"
                        + " in the platform charset (" + FileNames.platformCharset() + ") and no file has its UTF-8"
                        + " bytes; set validateFilenames(true) to drop such rows");
            }
        }
        return files;
    }

    /** Keras's {@code _check_params}, in its order. */
    private static void check(DataFrame table, FlowOptions o) {
        ClassMode mode = o.classMode;
        if (mode == ClassMode.MULTI_OUTPUT && !o.yColList) {
            throw new IllegalArgumentException("If class_mode=\"multi_output\", y_col must be a list. Received str."
                    + " (In Java: yCols(List), not yCol(String).)");
        }
        if ((mode.usesClasses()) && o.yColList) {
            throw new IllegalArgumentException("class_mode=\"" + mode.configName() + "\" needs one y_col; got "
                    + o.yCol);
        }
        for (Object v : table.column(o.xCol)) {
            if (!(v instanceof String)) {
                throw new IllegalArgumentException("All values in column x_col=" + o.xCol + " must be strings.");
            }
        }
        String yName = o.yCol.get(0);
        if (mode == ClassMode.BINARY || mode == ClassMode.SPARSE) {
            for (Object v : table.column(yName)) {
                if (!(v instanceof String)) {
                    throw new IllegalArgumentException("If class_mode=\"" + mode.configName() + "\", y_col=\"" + yName
                            + "\" column values must be strings.");
                }
            }
        }
        if (mode == ClassMode.BINARY) {
            if (o.classes != null && !o.classes.isEmpty()) {
                int k = new LinkedHashSet<>(o.classes).size();
                if (k != 2) {
                    throw new IllegalArgumentException("If class_mode=\"binary\" there must be 2 classes. " + k
                            + " class/es were given.");
                }
            } else {
                int k = new LinkedHashSet<>(table.column(yName)).size();
                if (k != 2) {
                    throw new IllegalArgumentException("If class_mode=\"binary\" there must be 2 classes. Found " + k
                            + " classes.");
                }
            }
        }
        if (mode == ClassMode.CATEGORICAL) {
            for (Object v : table.column(yName)) {
                if (!(v instanceof String) && !(v instanceof Collection<?>)) {
                    throw new IllegalArgumentException("If class_mode=\"categorical\", y_col=\"" + yName
                            + "\" column values must be type string, list or tuple (a String or a List in Java).");
                }
            }
        }
        if (o.classes != null && !o.classes.isEmpty() && !mode.usesClasses()) {
            LOG.warn("`classes` will be ignored given the class_mode=\"{}\"", mode.configName());
        }
        if (o.weightCol != null) {
            for (Object v : table.column(o.weightCol)) {
                if (!(v instanceof Number)) {
                    throw new IllegalArgumentException("Column weight_col=" + o.weightCol + " must be numeric.");
                }
            }
        }
        if (!mode.usesClasses() && mode != ClassMode.NONE && mode != ClassMode.INPUT) {
            for (String c : o.yCol) {
                table.column(c);
            }
        }
        if (mode == ClassMode.NONE && o.weightCol != null) {
            throw new IllegalArgumentException("weightCol needs targets; class_mode none has none (Keras would drop"
                    + " the weights silently)");
        }
    }

    /**
     * Keras's {@code _filter_classes}: with explicit classes (deduplicated, order kept) labels
     * outside them are removed and rows left without labels dropped; otherwise the classes are the
     * sorted union of all labels. Fills {@code classIndices} and each kept row's labels.
     */
    private static List<Integer> filterClasses(List<Integer> rows, List<Object> y, List<String> given,
            Map<String, Integer> classIndices, Map<Integer, List<String>> labelsOfRow) {
        Collection<String> classes;
        if (given != null && !given.isEmpty()) {
            classes = new LinkedHashSet<>(given);
        } else {
            TreeSet<String> union = new TreeSet<>();
            for (int r : rows) {
                union.addAll(labelsOf(y.get(r)));
            }
            classes = union;
        }
        for (String c : classes) {
            classIndices.put(c, classIndices.size());
        }
        List<Integer> kept = new ArrayList<>();
        for (int r : rows) {
            List<String> labels = new ArrayList<>();
            for (String label : labelsOf(y.get(r))) {
                if (classIndices.containsKey(label)) {
                    labels.add(label);
                }
            }
            if (!labels.isEmpty()) {
                kept.add(r);
                labelsOfRow.put(r, labels);
            }
        }
        return kept;
    }

    private static List<String> labelsOf(Object cell) {
        if (cell instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Collection<?>) cell) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** Column(s) as floats: shape (rows) for scalar cells, (rows, k) for k columns or list cells. */
    private static Tensor numeric(DataFrame table, Object columns, List<Integer> rows) {
        List<String> names = columns instanceof String s ? List.of(s) : castList(columns);
        List<List<Object>> cols = names.stream().map(table::column).toList();
        int width = -1;
        List<float[]> values = new ArrayList<>();
        for (int r : rows) {
            List<Float> row = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                Object cell = cols.get(c).get(r);
                Collection<?> cells = cell instanceof Collection<?> list ? list : java.util.Collections.singletonList(cell);
                for (Object v : cells) {
                    if (!(v instanceof Number num)) {
                        throw new IllegalArgumentException("column " + names.get(c) + " must be numeric for this"
                                + " class mode; row " + r + " holds " + v);
                    }
                    row.add(num.floatValue());
                }
            }
            if (width >= 0 && row.size() != width) {
                throw new IllegalArgumentException("column(s) " + names + " have rows of different lengths");
            }
            width = row.size();
            float[] a = new float[row.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = row.get(i);
            }
            values.add(a);
        }
        boolean scalar = columns instanceof String && (width <= 1)
                && rows.stream().noneMatch(r -> cols.get(0).get(r) instanceof Collection<?>);
        Tensor t = scalar ? Tensor.zeros(rows.size()) : Tensor.zeros(rows.size(), Math.max(width, 0));
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(values.get(i), 0, t.data(), i * values.get(i).length, values.get(i).length);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
