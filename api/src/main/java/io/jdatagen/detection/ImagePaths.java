package io.jdatagen.detection;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves an annotation's image name inside the image folder, refusing names that leave it. */
final class ImagePaths {
    private ImagePaths() {
    }

    /**
     * {@return {@code name} resolved against {@code directory}}
     *
     * @param annotationFile the file the name comes from, named in the error
     * @param field the field the name comes from, named in the error
     * @throws IllegalArgumentException for an absolute name, one that is no path, or one that leaves
     *     {@code directory} ({@code ../}): annotation files are untrusted input
     */
    static Path resolve(Path directory, String name, Path annotationFile, String field) {
        Path base = directory.toAbsolutePath().normalize();
        Path resolved;
        try {
            Path relative = Path.of(name);
            resolved = relative.isAbsolute() ? null : base.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            resolved = null;
        }
        if (resolved == null || !resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException(annotationFile + ": " + field + " must name a file inside " + base
                    + "; got \"" + name + "\"");
        }
        return resolved;
    }
}
