package io.jdatagen.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A sample that could not be read, whatever the cause (a missing or special file, permissions, an
 * unsupported or damaged format, the pixel limit, overflow, crop geometry, memory, an image and mask
 * of different sizes); the message names the file(s) and the reason. The skip policy of the flows
 * catches exactly this type.
 */
public final class ImageReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The files involved: the image, then its mask for a segmentation pair. */
    private final transient List<Path> paths;

    /**
     * Creates the exception for {@code path} with what went wrong.
     */
    public ImageReadException(Path path, String problem, Throwable cause) {
        super("cannot read image file " + path + ": " + problem, cause);
        this.paths = List.of(path);
    }

    /**
     * Creates the exception for a pair of files (an image and its mask) refused together.
     *
     * @param image the image file
     * @param mask the mask file
     * @param problem what went wrong
     */
    public ImageReadException(Path image, Path mask, String problem) {
        super("cannot read image file " + image + " with its mask " + mask + ": " + problem);
        this.paths = List.of(image, mask);
    }

    /** {@return the file (the image, for a pair)} */
    public Path path() {
        return paths.get(0);
    }

    /** {@return every file involved: the image, then its mask for a pair} */
    public List<Path> paths() {
        return paths;
    }
}
