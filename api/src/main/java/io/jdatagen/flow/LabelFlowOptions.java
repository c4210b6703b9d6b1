package io.jdatagen.flow;

import java.util.List;
import java.util.Objects;

/**
 * The options of the file flows of single images with class labels or other targets
 * ({@code flowFromDirectory} and {@code flowFromDataframe}): the targets' form, the classes used,
 * and folding the resize into the augmentation warp.
 *
 * @param <B> the options type that the setters return
 */
public abstract sealed class LabelFlowOptions<B extends LabelFlowOptions<B>> extends FileFlowOptions<B>
        permits DirectoryFlowOptions, DataFrameFlowOptions, StreamFlowOptions {
    LabelFlowOptions() {
    }

    /**
     * Fold the resize to the target size into the augmentation warp instead
     * of resizing each decoded image with a Pillow filter first (default false). Each output pixel is
     * then sampled once, from the decoded image, with the generator's interpolation: faster (one
     * resampling instead of two), but not Pillow's resize, without its antialiasing (shrinking by more
     * than 2x aliases), and fill modes act at the decoded image's edges. The {@code interpolation}
     * option then has no use; setting both is an error.
     */
    public B resizeInWarp(boolean on) {
        this.resizeInWarp = on;
        return self();
    }

    /** The targets (default categorical). */
    public B classMode(ClassMode mode) {
        this.classMode = Objects.requireNonNull(mode, "classMode");
        return self();
    }

    /**
     * {@link #classMode(ClassMode)} by Keras's name ({@code categorical}, {@code binary}, {@code
     * sparse}, {@code input}, {@code multi_output}, {@code raw}, or null for none).
     */
    public B classMode(String name) {
        return classMode(ClassMode.fromName(name));
    }

    /** The class names to use, in index order (directories: sub-folders; default: all). */
    public B classes(List<String> names) {
        this.classes = names == null ? null : List.copyOf(names);
        return self();
    }
}
