package io.jdatagen.flow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The options of {@code flowFromDataframe} (Keras's {@code DataFrameIterator}): which columns hold
 * the file names, labels and weights; made by {@link FlowOptions#dataframe()}.
 */
public final class DataFrameFlowOptions extends LabelFlowOptions<DataFrameFlowOptions> {
    DataFrameFlowOptions() {
    }

    @Override
    DataFrameFlowOptions self() {
        return this;
    }

    /** The folder that relative file names are resolved against. */
    public DataFrameFlowOptions directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /**
     * The column of file names (default {@code filename}).
     */
    public DataFrameFlowOptions xCol(String column) {
        this.xCol = Objects.requireNonNull(column, "xCol");
        return this;
    }

    /**
     * The label column (default {@code class}).
     */
    public DataFrameFlowOptions yCol(String column) {
        this.yCol = List.of(Objects.requireNonNull(column, "yCol"));
        this.yColList = false;
        return this;
    }

    /**
     * Several label columns (Keras's list {@code y_col}, for multi_output and raw).
     */
    public DataFrameFlowOptions yCols(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("yCols needs at least one column; got: " + columns);
        }
        this.yCol = List.copyOf(columns);
        this.yColList = true;
        return this;
    }

    /** The numeric column of sample weights. */
    public DataFrameFlowOptions weightCol(String column) {
        this.weightCol = column;
        return this;
    }

    /** Drop rows whose file is missing or not an image name (default true). */
    public DataFrameFlowOptions validateFilenames(boolean on) {
        this.validateFilenames = on;
        return this;
    }
}
