package io.jdatagen.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The error for a folder or data frame that gives a file flow no image at all, before any
 * validation split: Keras builds such an iterator, whose length is 0 and whose training fails
 * obscurely later; jdatagen refuses it at build time with everything needed to fix it (the folder
 * or CSV, the extensions looked for, the classes found, the rows dropped and why). A validation
 * split that leaves a subset empty is the caller's choice and follows Keras.
 */
final class EmptySource {
    private static final int EXAMPLES = 3;

    private EmptySource() {
    }

    /** The extensions a file name must end with, for messages. */
    static String extensions() {
        return "." + String.join(", .", FileSources.WHITE_LIST) + " (any case)";
    }

    /**
     * The error for {@code flowFromDirectory} over {@code directory} when no class folder holds an
     * image.
     *
     * @param classFolders each class and its folder, in class order
     * @param lister whether a {@link FileLister} listed the files
     * @param skipped the unreadable files skipped ({@code skipUnreadable})
     */
    static IllegalArgumentException directory(Path directory, Map<String, Path> classFolders, boolean lister,
            List<Path> skipped) {
        StringBuilder m = new StringBuilder("flowFromDirectory found no images in ").append(directory).append(": ");
        if (classFolders.isEmpty()) {
            m.append("it has no sub-folders, and each class must be a sub-folder holding its images");
            int loose = looseImages(directory);
            if (loose > 0) {
                m.append("; ").append(loose).append(" image file(s) lie directly in it: pass its parent folder, or"
                        + " move them into one sub-folder per class");
            }
        } else {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Path> c : classFolders.entrySet()) {
                if (!Files.isDirectory(c.getValue())) {
                    missing.add(c.getKey());
                }
            }
            m.append("the ").append(classFolders.size()).append(" class folder(s) ")
                    .append(names(new ArrayList<>(classFolders.keySet())));
            if (!skipped.isEmpty()) {
                m.append(" hold no readable image: ").append(skipped.size()).append(" file(s) were unreadable and"
                        + " skipped (skipUnreadable), e.g. ").append(skipped.subList(0, Math.min(EXAMPLES,
                                skipped.size())));
            } else {
                m.append(" hold no ").append(lister ? "file the fileLister returned" : "file ending in "
                        + extensions());
            }
            if (!missing.isEmpty()) {
                m.append("; the classes ").append(names(missing)).append(" given in classes have no folder there");
            }
        }
        return new IllegalArgumentException(m.append('.').toString());
    }

    /**
     * The error for {@code flowFromDataframe} when no row is left.
     *
     * @param table the data frame (its CSV file named when it was read from one)
     * @param o the flow's options (x_col, the folder the names resolve against)
     * @param invalid the rows dropped as invalid file names (missing files, other extensions)
     * @param invalidExamples the first few of those names, as the x_col cells give them
     * @param unreadable the unreadable files skipped
     * @param unlabelled the rows dropped for having no label among the classes
     * @param classes the classes the labels were matched against
     */
    static IllegalArgumentException dataFrame(DataFrame table, FlowOptions o, int invalid,
            List<String> invalidExamples, List<Path> unreadable, int unlabelled, Iterable<String> classes) {
        StringBuilder m = new StringBuilder("flowFromDataframe found no images: ");
        m.append(table.source().map(p -> "the CSV file " + p).orElse("the data frame")).append(" has ")
                .append(table.size()).append(" row(s)");
        if (table.size() > 0) {
            m.append(", whose x_col \"").append(o.xCol).append("\" names are resolved against ")
                    .append(o.directory == null ? "the working folder " + Path.of("").toAbsolutePath()
                            : o.directory.toString());
        }
        List<String> dropped = new ArrayList<>();
        if (invalid > 0) {
            dropped.add(invalid + " as invalid file names (no such file, or a name not ending in " + extensions()
                    + "), e.g. \"" + String.join("\", \"", invalidExamples) + "\"");
        }
        if (!unreadable.isEmpty()) {
            dropped.add(unreadable.size() + " as unreadable (skipUnreadable), e.g. "
                    + unreadable.subList(0, Math.min(EXAMPLES, unreadable.size())));
        }
        if (unlabelled > 0) {
            List<String> names = new ArrayList<>();
            classes.forEach(names::add);
            dropped.add(unlabelled + " with no label among the classes " + names(names));
        }
        if (!dropped.isEmpty()) {
            m.append("; dropped: ").append(String.join("; ", dropped));
        }
        return new IllegalArgumentException(m.append('.').toString());
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "(none)" : "\"" + String.join("\", \"", names) + "\"";
    }

    /** The white-listed files directly in {@code directory} (a user who passed the class folder itself). */
    private static int looseImages(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return (int) entries.filter(p -> !Files.isDirectory(p) && FileSources.isWhiteListed(p.getFileName()
                    .toString())).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
