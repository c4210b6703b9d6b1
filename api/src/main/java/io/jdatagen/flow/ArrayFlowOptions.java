package io.jdatagen.flow;

/**
 * The options of {@code flow(x, y, ...)} on arrays (Keras's {@code NumpyArrayIterator}); made by
 * {@link FlowOptions#arrays()}.
 */
public final class ArrayFlowOptions extends FlowOptions.Builder<ArrayFlowOptions> {
    ArrayFlowOptions() {
    }

    @Override
    ArrayFlowOptions self() {
        return this;
    }

    /**
     * Skip the check that the training and validation parts of a {@code subset} split hold the same
     * label values (default false: Keras raises, as a {@code y} sorted by label splits by label).
     */
    public ArrayFlowOptions ignoreClassSplit(boolean on) {
        this.ignoreClassSplit = on;
        return this;
    }
}
