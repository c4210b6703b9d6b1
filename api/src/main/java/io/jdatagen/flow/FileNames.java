package io.jdatagen.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * File names as bytes. On Linux the JDK decodes a listed file name with the platform charset
 * ({@code sun.jnu.encoding}, which follows {@code LANG}/{@code LC_ALL}; US-ASCII under the POSIX
 * locale), turning bytes it cannot decode into U+FFFD, while the {@link Path} it listed keeps the
 * raw bytes. So listed files are always resolved as {@code Path}s against {@code Path}s, never
 * rebuilt from their {@code String}s; and a name given as a {@code String} (a CSV cell, a class
 * name) that the platform charset cannot encode is looked up by its UTF-8 bytes among the listed
 * entries, as Python does (it uses UTF-8 for file names under the POSIX locale, PEP 540).
 */
final class FileNames {
    private FileNames() {
    }

    /** {@return the charset the JDK decodes and encodes file names with, for messages} */
    static String platformCharset() {
        return System.getProperty("sun.jnu.encoding", java.nio.charset.Charset.defaultCharset().name());
    }

    /**
     * {@return {@code name} resolved against {@code dir}, like {@code dir.resolve(name)}} When the
     * platform charset cannot encode a component of {@code name}, that component is the entry of its
     * folder whose file-name bytes are the component's UTF-8 bytes; empty when there is none.
     *
     * @param dir the folder {@code name} is relative to (the empty path: the working folder)
     * @param name a relative path (an absolute one is taken as it is), components separated by {@code /}
     * @param listings the folders listed so far, each entry by its name's bytes (read as ISO-8859-1);
     *     filled as folders are listed, so that many names in one folder list it once
     */
    static Optional<Path> resolve(Path dir, String name, Map<Path, Map<String, Path>> listings) {
        try {
            return Optional.of(dir.resolve(name));
        } catch (InvalidPathException unencodable) {
            Path current = name.startsWith("/") ? dir.getFileSystem().getPath("/") : dir;
            for (String component : name.split("/")) {
                if (component.isEmpty()) {
                    continue;
                }
                Path next;
                try {
                    next = current.resolve(component);
                } catch (InvalidPathException e) {
                    Path folder = current;
                    next = listings.computeIfAbsent(folder, FileNames::byBytes)
                            .get(new String(component.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                    if (next == null) {
                        return Optional.empty();
                    }
                }
                current = next;
            }
            return Optional.of(current);
        }
    }

    /** The entries of {@code folder} (none if it is not a folder), resolved onto it, by their names' bytes. */
    private static Map<String, Path> byBytes(Path folder) {
        Path listed = folder.toString().isEmpty() ? folder.getFileSystem().getPath(".") : folder;
        Map<String, Path> entries = new HashMap<>();
        if (!Files.isDirectory(listed)) {
            return entries;
        }
        try (Stream<Path> names = Files.list(listed)) {
            names.map(Path::getFileName).forEach(n -> entries.put(new String(bytes(n), StandardCharsets.ISO_8859_1),
                    folder.resolve(n)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list folder " + listed, e);
        }
        return entries;
    }

    /**
     * {@return the raw bytes of {@code path}'s file name} On the default file system they are read
     * from {@link Path#toUri()}, which percent-encodes the path's bytes (not its decoded
     * {@code String}); on another file system (a zip file system) they are the name's UTF-8 bytes.
     */
    static byte[] bytes(Path path) {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return path.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        }
        String uri = path.toUri().getRawPath();
        int end = uri.endsWith("/") && uri.length() > 1 ? uri.length() - 1 : uri.length();
        String raw = uri.substring(uri.lastIndexOf('/', end - 1) + 1, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /**
     * {@return whether {@code other}'s file name is {@code file}'s name up to its last dot, then a
     * dot and no other dot, compared as bytes} For names that decode to the same {@code String}
     * but are different files: {@code caf\xe9.jpg} and {@code caf\xe8.png} both read as
     * {@code caf} and U+FFFD.
     */
    static boolean sameStem(Path file, Path other) {
        byte[] name = bytes(file);
        byte[] candidate = bytes(other);
        int dot = name.length - 1;
        while (dot > 0 && name[dot] != '.') {
            dot--;
        }
        int stem = dot > 0 ? dot : name.length;
        if (candidate.length <= stem || candidate[stem] != '.'
                || !Arrays.equals(name, 0, stem, candidate, 0, stem)) {
            return false;
        }
        for (int i = stem + 1; i < candidate.length; i++) {
            if (candidate[i] == '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return {@code path}'s file name with every byte outside printable ASCII written as
     * {@code \xNN}} (as Python shows bytes), so that names which decode to the same {@code String}
     * can be told apart in a message.
     */
    static String escaped(Path path) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes(path)) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F && v != '\\') {
                s.append((char) v);
            } else {
                s.append(String.format("\\x%02x", v));
            }
        }
        return s.toString();
    }

    /** {@return the escaped names of {@code paths}, quoted, joined with " and "} */
    static String escaped(List<Path> paths) {
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            names.add("\"" + escaped(p) + "\"");
        }
        return String.join(" and ", names);
    }
}
