package io.jdatagen.flow;

import java.util.Objects;

/**
 * The options of {@code flowFromDirectory} (Keras's {@code DirectoryIterator}): one class per
 * sub-folder; made by {@link FlowOptions#directory()}.
 */
public final class DirectoryFlowOptions extends LabelFlowOptions<DirectoryFlowOptions> {
    DirectoryFlowOptions() {
    }

    @Override
    DirectoryFlowOptions self() {
        return this;
    }

    /** Enter symlinked sub-folders (default false). */
    public DirectoryFlowOptions followLinks(boolean on) {
        this.followLinks = on;
        return this;
    }

    /**
     * Keep at most this many files of each class (mltk's {@code max_samples_per_class}), chosen at
     * random with the flow's seed (0 when none is set) before the validation split, kept in walk
     * order (default 0: no cap).
     */
    public DirectoryFlowOptions maxSamplesPerClass(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("maxSamplesPerClass must be >= 1; got: " + cap);
        }
        this.maxSamplesPerClass = cap;
        return this;
    }

    /**
     * List each class's files with {@code lister} instead of walking its folder.
     */
    public DirectoryFlowOptions fileLister(FileLister lister) {
        this.fileLister = Objects.requireNonNull(lister, "fileLister");
        return this;
    }

    /**
     * Explicit integer labels, one per file found (the preprocessing RFC's
     * {@code targets} list, instead of labels inferred from the class folders), in the order the
     * flow lists the files (classes in order, each class's files in walk order), before the
     * validation split. The targets are these labels (sparse and binary) or their one-hot
     * vectors (categorical); use {@code classMode("none")} for no targets.
     *
     * @param labels one class index per file
     */
    public DirectoryFlowOptions targets(int... labels) {
        this.targets = Objects.requireNonNull(labels, "targets").clone();
        return this;
    }
}
