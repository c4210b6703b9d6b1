package io.jdatagen.cli;

import io.jdatagen.flow.Flows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The image files a command reads from a folder argument. */
final class ImageFolder {
    private ImageFolder() {
    }

    /**
     * Every image under {@code dir} in {@code flowFromDirectory}'s walk order, as the {@code Path}s
     * the walk listed: a file or folder name the platform charset cannot decode keeps its bytes
     * there, so callers resolve against these {@code Path}s rather than rebuild them from strings.
     *
     * @throws IllegalArgumentException if {@code dir} is not a folder or holds no image
     */
    static List<Path> images(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("DIR " + dir + " does not exist or is not a folder");
        }
        List<Path> files = Flows.imageFiles(dir);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("DIR " + dir + " holds no png, jpg, jpeg, bmp, ppm, tif or tiff file");
        }
        return files;
    }
}
