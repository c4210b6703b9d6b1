package io.jdatagen.flow;

import io.jdatagen.data.Batch;
import io.jdatagen.image.ImageDataGenerator;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link PlatformCharsetNamesTest} in a child JVM under a chosen locale: builds the flows on
 * the test's tree, loads one epoch of each and prints what it found, one fact a line, with every
 * character outside printable ASCII written as {@code \\uXXXX} (the child's standard output may be
 * ASCII). Arguments: the class tree, the CSV, the image folder and the mask folder of the pairs.
 */
public final class PlatformCharsetFlowMain {
    private PlatformCharsetFlowMain() {
    }

    /**
     * Prints {@code charset}, {@code summary}, one {@code class INDEX NAME LOADED} line per class,
     * {@code filenames}, {@code dataframe SAMPLES LOADED}, {@code missing-validated SAMPLES} and
     * {@code missing-unvalidated OUTCOME} for a CSV row naming a missing file with a non-ASCII name,
     * {@code pairs SAMPLES LOADED} and
     * {@code listing FILES}; an exception ends it with a non-zero exit code.
     *
     * @param args the class tree, the CSV (names relative to the class tree), the pairs' image and mask folders
     */
    public static void main(String[] args) {
        Path classes = Path.of(args[0]);
        ImageDataGenerator g = ImageDataGenerator.builder().build();
        System.out.println("charset " + System.getProperty("sun.jnu.encoding"));
        FileFlow flow = g.flowFromDirectory(classes, FlowOptions.directory().targetSize(4, 4).batchSize(4)
                .followLinks(true).seed(1));
        System.out.println("summary " + escaped(flow.summary()));
        int[] loaded = new int[flow.classIndices().size()];
        for (int i = 0; i < flow.size(); i++) {
            Batch b = flow.get(i);
            int k = loaded.length;
            for (int j = 0; j < b.size(); j++) {
                for (int c = 0; c < k; c++) {
                    if (b.y().data()[j * k + c] == 1) {
                        loaded[c]++;
                    }
                }
            }
        }
        List<String> names = flow.classNames();
        for (int c = 0; c < names.size(); c++) {
            System.out.println("class " + c + " " + escaped(names.get(c)) + " " + loaded[c]);
        }
        System.out.println("filenames " + flow.filenames().size());
        FileFlow table = g.flowFromDataframe(DataFrame.readCsv(Path.of(args[1])), FlowOptions.dataframe()
                .directory(classes).targetSize(4, 4).batchSize(100));
        System.out.println("dataframe " + table.samples() + " " + table.get(0).size());
        DataFrame missing = DataFrame.builder("filename", "class").row("nowhere/caf\u00e9.png", "a").build();
        DataFrameFlowOptions missingOptions = FlowOptions.dataframe().directory(classes).targetSize(4, 4);
        String validated;
        try {
            validated = "found " + g.flowFromDataframe(missing, missingOptions).samples();
        } catch (IllegalArgumentException e) {
            validated = e.getMessage().contains("dropped: 1 as invalid file names") ? "dropped 1" : e.getMessage();
        }
        System.out.println("missing-validated " + escaped(validated));
        String unvalidated;
        try {
            unvalidated = "found " + g.flowFromDataframe(missing, missingOptions.validateFilenames(false))
                    .samples();
        } catch (IllegalArgumentException e) {
            unvalidated = e.getMessage();
        }
        System.out.println("missing-unvalidated " + escaped(unvalidated));
        SegmentationFlow pairs = g.flowPairsFromDirectories(Path.of(args[2]), Path.of(args[3]),
                FlowOptions.pairDirectories().targetSize(4, 4).batchSize(100));
        System.out.println("pairs " + pairs.samples() + " " + pairs.get(0).size());
        System.out.println("listing " + Flows.imageFiles(classes).size());
    }

    /** {@code s} with every character outside printable ASCII as {@code \\uXXXX}. */
    static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
