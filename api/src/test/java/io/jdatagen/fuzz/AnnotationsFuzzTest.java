package io.jdatagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdatagen.detection.CocoAnnotations;
import io.jdatagen.detection.CrowdBoxes;
import io.jdatagen.detection.CsvBoxAnnotations;
import io.jdatagen.detection.VocAnnotations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the three box-annotation readers with the same bytes, as a Pascal VOC XML file (alone in its
 * folder), a COCO JSON file and a CSV file: each either reads or fails with an
 * {@code IllegalArgumentException} or {@code UncheckedIOException} naming the file. The seeds include a
 * DOCTYPE with an external entity, which the VOC reader must refuse before fetching anything.
 */
class AnnotationsFuzzTest {
    @FuzzTest(maxDuration = "15s")
    @Timeout(120)
    void read(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("jdatagen-fuzz");
        try {
            Path images = dir.resolve("images");
            Path voc = Files.createDirectory(dir.resolve("voc")).resolve("a.xml");
            Files.write(voc, bytes);
            expectReadOrNamedError(voc, () -> VocAnnotations.read(voc.getParent(), images, null, CrowdBoxes.KEEP));
            Path coco = Files.write(dir.resolve("a.json"), bytes);
            expectReadOrNamedError(coco, () -> CocoAnnotations.read(coco, images, CrowdBoxes.DROP));
            Path csv = Files.write(dir.resolve("a.csv"), bytes);
            expectReadOrNamedError(csv, () -> CsvBoxAnnotations.read(csv, images, null));
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void expectReadOrNamedError(Path file, Runnable read) {
        try {
            read.run();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (e.getMessage() == null || !e.getMessage().contains(file.toString())) {
                throw new AssertionError("the error does not name " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
