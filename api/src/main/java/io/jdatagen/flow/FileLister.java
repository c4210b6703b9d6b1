package io.jdatagen.flow;

import java.nio.file.Path;
import java.util.List;

/**
 * Lists a class's files for {@code flowFromDirectory} instead of Keras's walk (mltk's custom file
 * lister): e.g. a manifest, a filter, or files kept elsewhere. The flow reads the files in the order
 * given; the validation split and {@code maxSamplesPerClass} then apply as to walked files.
 */
@FunctionalInterface
public interface FileLister {
    /**
     * {@return the image files of class {@code className}}
     *
     * @param className the class (a sub-folder name, or one of {@code classes})
     * @param classFolder the class's folder, {@code directory/className}
     */
    List<Path> list(String className, Path classFolder);
}
