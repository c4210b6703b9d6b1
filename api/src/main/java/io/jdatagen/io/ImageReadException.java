package io.jdatagen.io;

import java.nio.file.Path;

/** A file that could not be read or decoded as an image; the message names the file. */
public final class ImageReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    /**
     * Creates the exception for {@code path} with what went wrong.
     *
     * @param path the path
     * @param problem the problem
     * @param cause the cause
     */
    public ImageReadException(Path path, String problem, Throwable cause) {
        super("cannot read image file " + path + ": " + problem, cause);
        this.path = path;
    }

    /** {@return the file} */
    public Path path() {
        return path;
    }
}
