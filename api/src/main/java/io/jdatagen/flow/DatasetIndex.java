package io.jdatagen.flow;

import io.jdatagen.data.NumpyRandomState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keras 3's {@code index_directory}: the files of a folder, their labels and class names, in Keras's order.
 * Class folders are the folder's sub-folders not starting with {@code .}, sorted by name (or the given
 * {@code class_names}, in their order); each class folder is walked recursively, folders in the order of
 * their sorted paths and files sorted by name within each, keeping names ending (case-insensitively) in
 * {@code .bmp .gif .jpeg .jpg .png}. With {@code shuffle} the list is shuffled once with numpy's
 * {@code RandomState(seed).shuffle}, the labels with the same permutation. Names are compared by code point,
 * as Python sorts strings.
 *
 * @param paths each file, the folder resolved against its relative name
 * @param relative each file's name relative to the folder, {@code /}-separated (Keras's {@code filenames})
 * @param labels each file's label, or null without labels
 * @param classNames the class names (label {@code i} is class {@code i}), or null without labels
 */
record DatasetIndex(List<Path> paths, List<String> relative, int[] labels, List<String> classNames) {
    /** Keras's {@code ALLOWLIST_FORMATS}. */
    static final List<String> FORMATS = List.of(".bmp", ".gif", ".jpeg", ".jpg", ".png");
    private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** {@return Keras's tuple spelling of the allowed formats, for error messages} */
    static String formats() {
        return "(" + String.join(", ", FORMATS.stream().map(f -> "'" + f + "'").toList()) + ")";
    }

    /**
     * Indexes {@code directory}.
     *
     * @param given the labels given per file (Keras's list {@code labels}), or null
     * @param inferred whether labels come from the class folders ({@code labels="inferred"})
     * @param classNames the class folders to use, in this order, or null for all
     * @throws IllegalArgumentException with Keras's messages for class names that are not sub-folders, or a
     *     count of given labels that differs from the count of files
     */
    static DatasetIndex of(Path directory, boolean inferred, int[] given, List<String> classNames, boolean shuffle,
            long seed, boolean followLinks) {
        List<String> subdirs = new ArrayList<>();
        if (inferred) {
            for (String name : sorted(list(directory))) {
                if (Files.isDirectory(directory.resolve(name)) && !name.startsWith(".")) {
                    subdirs.add(name);
                }
            }
            if (classNames != null) {
                if (!new HashSet<>(subdirs).containsAll(classNames)) {
                    throw new IllegalArgumentException("The `class_names` passed did not match the names of the"
                            + " subdirectories of the target directory. Expected: " + pyList(subdirs)
                            + " (or a subset of it), but received: class_names=" + pyList(classNames));
                }
                subdirs = List.copyOf(classNames);
            }
        } else {
            subdirs.add("");
        }
        List<Path> paths = new ArrayList<>();
        List<String> relative = new ArrayList<>();
        List<Integer> inferredLabels = new ArrayList<>();
        for (int c = 0; c < subdirs.size(); c++) {
            String subdir = subdirs.get(c);
            Path folder = subdir.isEmpty() ? directory : directory.resolve(subdir);
            for (Path file : validFiles(folder, followLinks)) {
                String rel = folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/");
                relative.add(subdir.isEmpty() ? rel : subdir + "/" + rel);
                paths.add(file);
                inferredLabels.add(c);
            }
        }
        int[] labels = null;
        List<String> names = null;
        if (inferred) {
            labels = inferredLabels.stream().mapToInt(Integer::intValue).toArray();
            names = List.copyOf(subdirs);
        } else if (given != null) {
            if (given.length != paths.size()) {
                throw new IllegalArgumentException("Expected the lengths of `labels` to match the number of files in"
                        + " the target directory. len(labels) is " + given.length + " while we found " + paths.size()
                        + " files in directory " + directory + ".");
            }
            labels = given.clone();
            TreeSet<Integer> distinct = new TreeSet<>();
            for (int l : given) {
                distinct.add(l);
            }
            names = distinct.stream().map(String::valueOf).toList();
        }
        if (shuffle) {
            int[] p = new NumpyRandomState(seed).permutation(paths.size());
            paths = permuted(paths, p);
            relative = permuted(relative, p);
            if (labels != null) {
                int[] shuffled = new int[labels.length];
                for (int k = 0; k < p.length; k++) {
                    shuffled[k] = labels[p[k]];
                }
                labels = shuffled;
            }
        }
        return new DatasetIndex(List.copyOf(paths), List.copyOf(relative), labels, names);
    }

    /** {@return rows {@code [from, to)} of this index} */
    DatasetIndex rows(int from, int to) {
        return new DatasetIndex(paths.subList(from, to), relative.subList(from, to),
                labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to), classNames);
    }

    /** {@return the number of files} */
    int size() {
        return paths.size();
    }

    private static <T> List<T> permuted(List<T> list, int[] p) {
        List<T> out = new ArrayList<>(list.size());
        for (int k : p) {
            out.add(list.get(k));
        }
        return out;
    }

    /**
     * The files under {@code folder} as {@code os.walk} lists them, folders sorted by path and files by name
     * within each, of allowed formats. {@code folder} itself is read even when it is a link (as
     * {@code os.walk} reads its top); linked folders below it only with {@code followLinks}, and a link back
     * to a folder already being walked is not walked again (where {@code os.walk} would loop).
     */
    private static List<Path> validFiles(Path folder, boolean followLinks) {
        List<Path> folders = new ArrayList<>();
        walk(folder, followLinks, new HashSet<>(), folders);
        folders.sort(Comparator.comparing(Path::toString, BY_CODE_POINT));
        List<Path> files = new ArrayList<>();
        for (Path dir : folders) {
            for (String name : sorted(list(dir))) {
                Path file = dir.resolve(name);
                String lower = name.toLowerCase(Locale.ROOT);
                if (!Files.isDirectory(file) && FORMATS.stream().anyMatch(lower::endsWith)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** Adds {@code dir} and the folders below it to {@code out}; {@code walking} holds the real paths above. */
    private static void walk(Path dir, boolean followLinks, Set<Path> walking, List<Path> out) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (!walking.add(real)) {
            return;
        }
        out.add(dir);
        for (String name : list(dir)) {
            Path entry = dir.resolve(name);
            if (followLinks ? Files.isDirectory(entry) : Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                walk(entry, followLinks, walking, out);
            }
        }
        walking.remove(real);
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(BY_CODE_POINT);
        return out;
    }

    /** {@code values} as Python prints a list of strings. */
    static String pyList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
