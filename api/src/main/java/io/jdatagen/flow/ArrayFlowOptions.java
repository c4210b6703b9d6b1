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
     * Skip the check that both split parts hold the same classes.
     */
    public ArrayFlowOptions ignoreClassSplit(boolean on) {
        this.ignoreClassSplit = on;
        return self();
    }
}
