package io.jdatagen.flow;

import io.jdatagen.data.RandomKeys;
import io.jdatagen.io.ImageFileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras's {@code DirectoryIterator} ({@code flowFromDirectory}): one class
 * per sub-folder (code-point order), files found recursively in Keras's walk order, the
 * validation split taken per class. Folders and files are walked and opened as the {@link Path}s
 * the listing gave, so names the platform charset cannot decode still load (see
 * {@link ClassFolders}).
 */
final class DirectoryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryScanner.class);
    private static final Set<ClassMode> MODES = Set.of(ClassMode.CATEGORICAL, ClassMode.BINARY, ClassMode.SPARSE,
            ClassMode.INPUT, ClassMode.NONE);

    /**
     * Keras's sort key for folders and files, the path's string (as the JDK decodes it); paths whose
     * strings are equal but whose bytes differ (undecodable names) in byte order, never merged.
     */
    private static final Comparator<Path> BY_NAME = Comparator.comparing(Path::toString)
            .thenComparing(Comparator.naturalOrder());

    private DirectoryScanner() {
    }

    /**
     * Scans {@code directory} and creates the flow; see {@code ImageDataGenerator.flowFromDirectory}.
     *
     * @throws IllegalArgumentException for a missing directory, one whose class folders hold no
     *     image (naming the folder, the extensions looked for and the classes found), an unsupported
     *     class mode (Keras's message) or an option that does not apply
     */
    static FileFlow create(Augmenter augmenter, Path directory, FlowOptions o) {
        if (!MODES.contains(o.classMode)) {
            throw new IllegalArgumentException("Invalid class_mode: " + o.classMode.configName()
                    + "; expected one of: {'categorical', 'binary', 'sparse', 'input', None} (None is \"none\" or"
                    + " ClassMode.NONE in Java)");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("directory " + directory + " does not exist or is not a directory");
        }
        Map<String, Path> classFolders = ClassFolders.of(directory, o.classes);
        Map<String, Integer> classIndices = new LinkedHashMap<>();
        for (String c : classFolders.keySet()) {
            classIndices.put(c, classIndices.size());
        }
        double[] fractions = o.subset == null ? new double[] {0, 1} : o.subset.fractions(o.validationSplit(augmenter));
        ImageFileReader loader = FileSources.loader(o);
        List<Path> paths = new ArrayList<>();
        List<String> filenames = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        Map<String, List<Path>> found = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> c : classIndices.entrySet()) {
            Path folder = classFolders.get(c.getKey());
            List<Path> files = o.fileLister != null ? listed(o.fileLister, c.getKey(), folder)
                    : imageFiles(folder, o.followLinks, o.skipUnreadable ? skipped : null);
            if (o.skipUnreadable) {
                List<Path> readable = new ArrayList<>();
                for (int i : FileSources.readable(files, loader, skipped)) {
                    readable.add(files.get(i));
                }
                files = readable;
            }
            found.put(c.getKey(), files);
            total += files.size();
        }
        if (total == 0) {
            throw EmptySource.directory(directory, classFolders, o.fileLister != null, skipped);
        }
        Map<String, Integer> labelIndices = classIndices;
        if (o.targets != null) {
            if (o.targets.length != total) {
                throw new IllegalArgumentException("targets has " + o.targets.length + " labels but " + total
                        + " files were found; give one label per file, in the order the flow lists them");
            }
            labelIndices = ExplicitTargets.classIndices(o.targets);
        }
        int offset = 0;
        for (Map.Entry<String, Integer> c : classIndices.entrySet()) {
            List<Path> all = found.get(c.getKey());
            Map<Path, Integer> position = new java.util.HashMap<>();
            if (o.targets != null) {
                for (int i = 0; i < all.size(); i++) {
                    position.put(all.get(i), offset + i);
                }
            }
            List<Path> files = all;
            if (o.maxSamplesPerClass > 0 && files.size() > o.maxSamplesPerClass) {
                files = capped(files, o.maxSamplesPerClass, o.seed != null ? o.seed : 0, c.getValue());
                LOG.info("Class {}: kept {} of its files (maxSamplesPerClass)", c.getKey(), files.size());
            }
            int k = files.size();
            for (Path file : files.subList(Subset.cut(fractions[0], k), Subset.cut(fractions[1], k))) {
                paths.add(file);
                filenames.add(file.startsWith(directory) ? directory.relativize(file).toString() : file.toString());
                labels.add(new int[] {o.targets != null ? o.targets[position.get(file)] : c.getValue()});
            }
            offset += all.size();
        }
        classIndices = labelIndices;
        String summary = "Found " + paths.size() + " images belonging to " + classIndices.size() + " classes.";
        LOG.info(summary);
        FileFlow.Rows rows = new FileFlow.Rows(paths, filenames, labels.toArray(new int[0][]), classIndices, null,
                null, skipped, summary);
        return new FileFlow(augmenter, loader, o.classMode, rows, o);
    }

    /** A user lister's files for one class; a null list or null entry is an error naming the class. */
    private static List<Path> listed(FileLister lister, String className, Path folder) {
        List<Path> files = lister.list(className, folder);
        if (files == null || files.contains(null)) {
            throw new IllegalArgumentException("fileLister returned " + (files == null ? "null" : "a null file")
                    + " for class " + className);
        }
        return List.copyOf(files);
    }

    /**
     * {@code cap} of {@code files} chosen by the permutation keyed by ({@code seed},
     * {@code classIndex}), kept in their order.
     */
    static List<Path> capped(List<Path> files, int cap, long seed, int classIndex) {
        int[] chosen = Arrays.copyOf(RandomKeys.order(files.size(), true, seed, classIndex), cap);
        Arrays.sort(chosen);
        List<Path> kept = new ArrayList<>(cap);
        for (int i : chosen) {
            kept.add(files.get(i));
        }
        return kept;
    }

    /**
     * The image files under {@code classDir} in Keras's {@code _iter_valid_files} order: every
     * folder (entering symlinked folders only with {@code followLinks}) in order of its full path
     * string, each folder's white-listed non-folder entries (png, jpg, jpeg, bmp, ppm, tif, tiff)
     * in name order. Empty when {@code classDir} is not a folder. A folder that cannot be read is
     * added to {@code skipped} (the skip policy) or, when that is null, an error naming it.
     */
    static List<Path> imageFiles(Path classDir, boolean followLinks, List<Path> skipped) {
        if (!Files.isDirectory(classDir)) {
            return List.of();
        }
        // os.walk always enters its top folder, even through a symlink: walk its real path and map back.
        Path start;
        try {
            start = classDir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve directory " + classDir, e);
        }
        TreeMap<Path, List<Path>> byRoot = new TreeMap<>(BY_NAME);
        EnumSet<FileVisitOption> options = followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        try {
            Files.walkFileTree(start, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    byRoot.put(classDir.resolve(start.relativize(d)), new ArrayList<>());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    boolean folder = attrs.isDirectory() || Files.isDirectory(f);
                    if (!folder && FileSources.isWhiteListed(f.getFileName().toString())) {
                        Path named = classDir.resolve(start.relativize(f));
                        byRoot.computeIfAbsent(named.getParent(), k -> new ArrayList<>()).add(named);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        LOG.warn("Not following {}: it links back to a folder being walked", f);
                        return FileVisitResult.CONTINUE;
                    }
                    if (skipped != null) {
                        LOG.warn("Skipped {}: it cannot be read ({})", f, e.toString());
                        skipped.add(f);
                        return FileVisitResult.CONTINUE;
                    }
                    throw new IOException("cannot read " + f + " (" + e + "); skipUnreadable(true) skips it", e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk directory " + classDir + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (List<Path> rootFiles : byRoot.values()) {
            rootFiles.sort(Comparator.comparing(Path::getFileName, BY_NAME));
            files.addAll(rootFiles);
        }
        return files;
    }
}
