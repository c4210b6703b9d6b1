package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowFromDataframe}: KERAS-SPEC.md §8.6 and §4.4. */
class DataFrameFlowTest {
    private static final ImageDataGenerator PLAIN = ImageDataGenerator.builder().build();

    private static List<String> images(Path dir, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "img" + i + ".png";
            TestImages.write(dir.resolve(name), TestImages.encode(TestImages.toBuffered(TestImages.gradient(3, 4, 3)),
                    "png"));
            names.add(name);
        }
        return names;
    }

    private static DataFrameFlowOptions opts(Path dir) {
        return FlowOptions.dataframe().directory(dir).targetSize(3, 4).shuffle(false);
    }

    @Test
    void sparseAndBinaryLabelsAreClassIndices(@TempDir Path dir) {
        List<String> names = images(dir, 24);
        DataFrame.Builder b = DataFrame.builder("filename", "class");
        for (int i = 0; i < 24; i++) {
            b.row(names.get(i), i % 3 == 0 ? "dog" : "cat");
        }
        DataFrame table = b.build();
        FileFlow sparse = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.SPARSE).batchSize(4));
        assertEquals(Map.of("cat", 0, "dog", 1), sparse.classIndices());
        assertEquals(names, sparse.filenames());
        assertArrayEquals(new float[] {1, 0, 0, 1}, sparse.get(0).y().data());
        assertEquals("Found 24 validated image filenames belonging to 2 classes.", sparse.summary());
        assertEquals(8, PLAIN.flowFromDataframe(table, opts(dir).batchSize(3)).size());
        FileFlow swapped = PLAIN.flowFromDataframe(table, opts(dir).classes(List.of("dog", "cat")));
        assertEquals(Map.of("dog", 0, "cat", 1), swapped.classIndices());
    }

    @Test
    void multiLabelRowsAreMultiHot(@TempDir Path dir) {
        List<String> names = images(dir, 3);
        DataFrame table = DataFrame.builder("filename", "class").row(names.get(0), List.of("b", "a"))
                .row(names.get(1), "b").row(names.get(2), List.of("c")).build();
        Batch batch = PLAIN.flowFromDataframe(table, opts(dir)).get(0);
        assertArrayEquals(new int[] {3, 3}, batch.y().shape());
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 0, 0, 1}, batch.y().data());
        FileFlow filtered = PLAIN.flowFromDataframe(table, opts(dir).classes(List.of("c", "b")));
        assertEquals(3, filtered.samples());
        FileFlow onlyA = PLAIN.flowFromDataframe(table, opts(dir).classes(List.of("a")));
        assertEquals(1, onlyA.samples(), "rows left without labels are dropped");
    }

    @Test
    void rawMultiOutputAndWeightsFromCsv(@TempDir Path dir) throws IOException {
        List<String> names = images(dir, 5);
        StringBuilder csv = new StringBuilder("filename,a,b,weight\n");
        for (int i = 0; i < 5; i++) {
            csv.append(names.get(i)).append(',').append(i).append(',').append(i * 0.5).append(',')
                    .append(i % 2 == 0 ? 2 : 5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("table.csv"), csv);
        DataFrame table = DataFrame.readCsv(file);
        Batch raw = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.RAW).yCol("a")).get(0);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, raw.y().data());
        Batch pair = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.RAW).yCols(List.of("a", "b"))
                ).get(0);
        assertArrayEquals(new int[] {5, 2}, pair.y().shape());
        Batch multi = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.MULTI_OUTPUT)
                .yCols(List.of("a", "b"))).get(0);
        assertEquals(2, multi.targets().size());
        assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2}, multi.targets().get(1).data());
        Batch weighted = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.INPUT).weightCol("weight")
                .batchSize(5)).get(0);
        assertArrayEquals(new float[] {2, 5, 2, 5, 2}, weighted.sampleWeights().orElseThrow().data());
        FileFlow none = PLAIN.flowFromDataframe(table, opts(dir).classMode(ClassMode.NONE));
        assertEquals("Found 5 validated image filenames.", none.summary());
    }

    @Test
    void invalidFilenamesAreDroppedUnlessValidationIsOff(@TempDir Path dir) {
        List<String> names = images(dir, 4);
        TestImages.write(dir.resolve("test.jpp"), new byte[] {1});
        DataFrame table = DataFrame.builder("filename", "class").row(names.get(0), "a").row(names.get(1), "b")
                .row("test.jpp", "a").row("test.jpg", "b").row(names.get(2), "a").row(names.get(3), "b").build();
        assertEquals(4, PLAIN.flowFromDataframe(table, opts(dir)).samples());
        FileFlow all = PLAIN.flowFromDataframe(table, opts(dir).validateFilenames(false));
        assertEquals(6, all.samples());
        assertEquals("Found 6 non-validated image filenames belonging to 2 classes.", all.summary());
    }

    @Test
    void absolutePathsWithoutDirectoryAndAGlobalSplit(@TempDir Path dir) {
        List<String> names = images(dir, 24);
        DataFrame.Builder b = DataFrame.builder("filename", "class");
        for (int i = 0; i < 24; i++) {
            b.row(dir.resolve(names.get(i)).toString(), i < 12 ? "x" : "y");
        }
        DataFrame table = b.build();
        ImageDataGenerator split = ImageDataGenerator.builder().validationSplit(0.2).build();
        DataFrameFlowOptions o = FlowOptions.dataframe().targetSize(3, 4).shuffle(false);
        FileFlow validation = split.flowFromDataframe(table, o.subset("validation"));
        FileFlow training = split.flowFromDataframe(table, o.subset("training"));
        assertEquals(4, validation.samples());
        assertEquals(20, training.samples());
        List<String> joined = new ArrayList<>(validation.filenames());
        joined.addAll(training.filenames());
        assertEquals(PLAIN.flowFromDataframe(table, o.subset((Subset) null)).filenames(), joined);
        ImageDataGenerator quarter = ImageDataGenerator.builder().validationSplit(0.25).build();
        assertEquals(18, quarter.flowFromDataframe(table, o.subset("training")).samples());
    }

    @Test
    void checksRaiseKerasMessagesInKerasOrder(@TempDir Path dir) {
        List<String> names = images(dir, 3);
        DataFrame three = DataFrame.builder("filename", "class", "w").row(names.get(0), "a", "heavy")
                .row(names.get(1), "b", "light").row(names.get(2), "c", "light").build();
        assertEquals("If class_mode=\"multi_output\", y_col must be a list. Received str. (In Java: yCols(List), not"
                + " yCol(String).)",
                error(three, opts(dir).classMode(ClassMode.MULTI_OUTPUT)));
        DataFrame numbers = DataFrame.builder("filename", "class").row(7, "a").build();
        assertEquals("All values in column x_col=filename must be strings.", error(numbers, opts(dir)));
        DataFrame numericLabels = DataFrame.builder("filename", "class").row(names.get(0), 1.0).build();
        assertEquals("If class_mode=\"sparse\", y_col=\"class\" column values must be strings.",
                error(numericLabels, opts(dir).classMode(ClassMode.SPARSE)));
        assertEquals("If class_mode=\"binary\" there must be 2 classes. Found 3 classes.",
                error(three, opts(dir).classMode(ClassMode.BINARY)));
        assertEquals("If class_mode=\"binary\" there must be 2 classes. 3 class/es were given.",
                error(three, opts(dir).classMode(ClassMode.BINARY).classes(List.of("a", "b", "c"))));
        assertEquals("If class_mode=\"categorical\", y_col=\"class\" column values must be type string, list or tuple"
                + " (a String or a List in Java).",
                error(numericLabels, opts(dir)));
        assertEquals("Column weight_col=w must be numeric.", error(three, opts(dir).weightCol("w")));
        assertFalse(FlowSetters.has(DataFrameFlowOptions.class, "followLinks"),
                "the data frame flow's options have no followLinks: setting it does not compile");
    }

    private static String error(DataFrame table, DataFrameFlowOptions o) {
        return assertThrows(IllegalArgumentException.class, () -> PLAIN.flowFromDataframe(table, o))
                .getMessage();
    }
}
