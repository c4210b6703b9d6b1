package io.jdatagen.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The class folders of {@code flowFromDirectory}: each class name with its folder, in class-index
 * order. A folder is kept as the {@link Path} the directory listing gave, so a folder whose name the
 * platform charset cannot decode is still walked; its class name is the name as the JDK decodes it
 * (undecodable bytes shown as U+FFFD). Two sub-folders whose names decode to the same class name
 * (two different undecodable byte sequences, or a valid U+FFFD and an undecodable byte) are an error
 * naming both, never merged into one class.
 */
final class ClassFolders {
    private ClassFolders() {
    }

    /**
     * {@return class name to folder, in class-index order} Without {@code classes}: every sub-folder
     * of {@code directory} (symlinks to folders count), sorted by name. With {@code classes}: those
     * names in their order (duplicates dropped), each the sub-folder whose name decodes to it, else
     * {@code directory} resolved with it (see {@link FileNames#resolve}; a folder that does not exist
     * gives a class without files, as in Keras).
     *
     * @throws IllegalArgumentException when two sub-folders used as classes decode to the same name,
     *     or a given class name cannot be a file name in the platform charset and no sub-folder has
     *     its UTF-8 bytes
     */
    static Map<String, Path> of(Path directory, List<String> classes) {
        TreeMap<String, List<Path>> listed = subdirectories(directory);
        Map<String, Path> folders = new LinkedHashMap<>();
        if (classes == null || classes.isEmpty()) {
            for (Map.Entry<String, List<Path>> e : listed.entrySet()) {
                folders.put(e.getKey(), only(directory, e.getKey(), e.getValue()));
            }
            return folders;
        }
        Map<Path, Map<String, Path>> listings = new HashMap<>();
        for (String name : classes) {
            if (folders.containsKey(name)) {
                continue;
            }
            List<Path> same = listed.get(name);
            folders.put(name, same != null ? only(directory, name, same)
                    : FileNames.resolve(directory, name, listings).orElseThrow(() -> new IllegalArgumentException("class \""
                            + name + "\" cannot be a file name in the platform charset (" + FileNames.platformCharset()
                            + ") and no sub-folder of " + directory + " has its UTF-8 bytes")));
        }
        return folders;
    }

    /** The one folder named {@code name}; an error naming them all when several names decode to it. */
    private static Path only(Path directory, String name, List<Path> folders) {
        if (folders.size() > 1) {
            throw new IllegalArgumentException("the sub-folders " + FileNames.escaped(folders) + " of " + directory
                    + " (bytes outside printable ASCII shown as \\xNN) all decode to the class name \"" + name
                    + "\" in the platform charset (" + FileNames.platformCharset() + "), so their classes cannot be"
                    + " told apart; rename them, or run Java under a locale (LC_ALL or LANG) whose charset decodes"
                    + " their names");
        }
        return folders.get(0);
    }

    /** The sub-folders of {@code dir} by decoded name, the folders of one name in byte order. */
    private static TreeMap<String, List<Path>> subdirectories(Path dir) {
        TreeMap<String, List<Path>> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory).sorted().forEach(p -> byName
                    .computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list directory " + dir, e);
        }
        return byName;
    }
}
