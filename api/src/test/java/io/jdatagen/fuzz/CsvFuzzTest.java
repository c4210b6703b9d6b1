package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.flow.DataFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the CSV reader: any bytes either read into a table whose rows all have the header's
 * width, or fail with an {@code UncheckedIOException} naming the file.
 */
class CsvFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void readCsv(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("jdatagen-fuzz", ".csv");
        try {
            Files.write(file, bytes);
            DataFrame table = DataFrame.readCsv(file);
            for (String column : table.columns()) {
                if (table.column(column).size() != table.size()) {
                    throw new AssertionError("column " + column + " has another length than the table");
                }
            }
        } catch (UncheckedIOException e) {
            if (!e.getMessage().contains(file.toString())) {
                throw new AssertionError("the error does not name the file: " + e.getMessage(), e);
            }
        } finally {
            Files.delete(file);
        }
    }
}
