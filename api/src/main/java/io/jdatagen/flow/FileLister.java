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
     * @param className the class (a sub-folder name as the JDK decodes it, or one of {@code classes})
     * @param classFolder the class's folder, {@code directory/className}: the {@code Path} the
     *     directory listing gave, which keeps the name's bytes even where {@code className} shows
     *     undecodable bytes as U+FFFD; resolve files against it as {@code Path}s, not by rebuilding
     *     it from {@code className}
     */
    List<Path> list(String className, Path classFolder);
}
