package io.jdatagen.cli;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Names of the augmented copies {@code augment} writes: {@code stem_k.format} beside the source's
 * relative folder. Built from the source name's bytes, not its decoded {@code String}, so that a
 * name the platform charset cannot decode ({@code café} under the POSIX locale, a Latin-1 name
 * under UTF-8) gives copies whose names keep the same bytes instead of failing.
 */
final class CopyNames {
    private CopyNames() {
    }

    /**
     * {@return the path of copy {@code k} of {@code source} in {@code folder}}
     *
     * @param folder where the copy goes (its parent folders are created by the writer)
     * @param source the source file; only its file name is used, without its extension
     * @param k the copy's number, from 1
     * @param format the image format, used as the extension
     */
    static Path copy(Path folder, Path source, int k, String format) {
        Path name = source.getFileName();
        String suffix = "_" + k + "." + format;
        if (folder.getFileSystem() != FileSystems.getDefault()) {
            return folder.resolve(stem(name.toString()) + suffix);
        }
        // A file URI percent-encodes the path's bytes; Path.of(URI) decodes them back to the same bytes.
        URI sourceUri = folder.toAbsolutePath().resolve(name).toUri();
        String raw = sourceUri.getRawPath();
        String base = raw.substring(0, raw.lastIndexOf('/') + 1);
        String stem = stem(raw.substring(base.length()));
        return Path.of(URI.create("file://" + base + stem + suffix.replace("%", "%25")));
    }

    /** {@code name} up to its last dot (a leading dot is part of the name). */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
