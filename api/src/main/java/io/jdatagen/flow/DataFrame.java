package io.jdatagen.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small table of file names and labels for {@code flowFromDataframe}: named columns whose cells
 * are strings, numbers, lists of labels (multi-label rows) or null (missing). Immutable.
 */
public final class DataFrame {
    private final List<String> columns;
    private final List<List<Object>> rows;
    private final Path source;

    private DataFrame(List<String> columns, List<List<Object>> rows, Path source) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /**
     * {@return a builder for a table with these columns}
     */
    public static Builder builder(String... columns) {
        return new Builder(Arrays.asList(columns));
    }

    /**
     * Reads a CSV file with a header row (RFC 4180 through Commons CSV: quoting, CRLF) the way
     * pandas' {@code read_csv} does: a UTF-8 byte-order mark is dropped; empty cells and pandas'
     * missing-value markers ({@code NA}, {@code NaN}, {@code null}, {@code N/A}, ...) are missing
     * (null); a column whose other cells all are decimal numbers ({@code 12}, {@code -3.5},
     * {@code 1e-3}, {@code inf}) holds numbers; other cells are strings (so {@code 1d} stays text).
     *
     * @param csv the CSV file, UTF-8
     * @return the data frame
     * @throws UncheckedIOException naming the file if it cannot be read or parsed, and the line and
     *     column of bytes that are not UTF-8
     * @see <a href="https://pandas.pydata.org/docs/reference/api/pandas.read_csv.html">pandas.read_csv</a>
     */
    public static DataFrame readCsv(Path csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(CsvText.decode(csv), format)) {
            List<String> header = parser.getHeaderNames();
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    String cell = c < record.size() ? record.get(c) : "";
                    row.add(CsvText.isMissing(cell) ? null : cell);
                }
                rows.add(row);
            }
            for (int c = 0; c < header.size(); c++) {
                if (isNumeric(rows, c)) {
                    for (List<Object> row : rows) {
                        if (row.get(c) != null) {
                            row.set(c, CsvText.number((String) row.get(c)));
                        }
                    }
                }
            }
            return new DataFrame(header, rows, csv);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot read CSV file " + csv + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static boolean isNumeric(List<List<Object>> rows, int c) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v != null) {
                if (!CsvText.isNumber((String) v)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** {@return the column names} */
    public List<String> columns() {
        return columns;
    }

    /** {@return the CSV file this table was read from, named in errors; empty for a built table} */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** {@return the number of rows} */
    public int size() {
        return rows.size();
    }

    /**
     * {@return whether there is a column called {@code name}}
     */
    public boolean has(String name) {
        return columns.contains(name);
    }

    /**
     * {@return the cells of column {@code name}}
     *
     * @throws IllegalArgumentException naming the column and the columns there are
     */
    public List<Object> column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in the data frame; columns: " + columns);
        }
        return rows.stream().map(r -> r.get(c)).toList();
    }

    /** Builds a {@link DataFrame} row by row. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            if (columns.isEmpty() || columns.stream().distinct().count() != columns.size()) {
                throw new IllegalArgumentException("a data frame needs distinct column names; got " + columns);
            }
            this.columns = List.copyOf(columns);
        }

        /**
         * Adds a row; cells are strings, numbers, lists of strings (multi-label) or null.
         *
         * @return this builder
         * @throws IllegalArgumentException if the number of cells differs from the columns
         */
        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("row " + rows.size() + " has " + cells.length + " cells but there are "
                        + columns.size() + " columns " + columns);
            }
            rows.add(Arrays.asList(cells.clone()));
            return this;
        }

        /** {@return the table} */
        public DataFrame build() {
            return new DataFrame(columns, rows, null);
        }
    }
}
