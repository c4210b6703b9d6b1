package io.jdatagen.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.boxes.BoundingBoxes;
import io.jdatagen.boxes.BoxFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COCO, Pascal VOC and CSV readers on the committed fixtures: the same boxes three ways, and their errors. */
class AnnotationReadersTest {
    private static final List<String> CLASSES = List.of("person", "dog", "bottle");
    private static final BoundingBoxes A = BoundingBoxes.of(BoxFormat.XYXY,
            new double[][] {{0, 0, 4, 3}, {10, 6, 16, 12}}, new int[] {0, 1});
    private static final BoundingBoxes B = BoundingBoxes.of(BoxFormat.XYXY,
            new double[][] {{5, 2, 9, 8}, {1, 1, 15, 11}}, new int[] {2, 0});

    static Path fixtures() {
        try {
            return Path.of(AnnotationReadersTest.class.getResource("/io/jdatagen/detection/coco.json").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cocoLabelsAreCategoryRanksAndKeypointsComeKPerBox() {
        Path dir = fixtures();
        Annotations coco = CocoAnnotations.read(dir.resolve("coco.json"), dir.resolve("images"));
        assertEquals(CLASSES, coco.classNames());
        assertEquals(3, coco.images().size());
        AnnotatedImage a = coco.images().get(0);
        assertEquals(dir.resolve("images/a.png").toAbsolutePath().normalize(), a.file());
        assertEquals(16, a.width());
        assertEquals(12, a.height());
        assertEquals(A, a.boxes());
        assertArrayEquals(new double[] {1.5, 1.5, 2, 2.5, 1.5, 1, 0, 0, 0, 0, 0, 0}, a.keypoints().toFlat());
        AnnotatedImage b = coco.images().get(1);
        assertEquals(B, b.boxes());
        assertFalse(b.crowd(0));
        assertTrue(b.crowd(1));
        assertEquals(4, b.keypoints().size());
        AnnotatedImage c = coco.images().get(2);
        assertEquals(0, c.boxes().size());
        assertEquals(0, c.keypoints().size());
    }

    @Test
    void droppingCrowdBoxesDropsTheirKeypointsAndKeepsEmptyImages() {
        Path dir = fixtures();
        Annotations coco = CocoAnnotations.read(dir.resolve("coco.json"), dir.resolve("images"), CrowdBoxes.DROP);
        AnnotatedImage b = coco.images().get(1);
        assertEquals(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{5, 2, 9, 8}}, new int[] {2}), b.boxes());
        assertEquals(2, b.keypoints().size());
        assertEquals(3, coco.images().size());
        assertEquals(A, coco.images().get(0).boxes());
    }

    @Test
    void vocCornersAreOneBasedInclusiveAndDifficultIsCrowd() {
        Path dir = fixtures();
        Annotations voc = VocAnnotations.read(dir.resolve("voc"), dir.resolve("images"), CLASSES, CrowdBoxes.KEEP);
        assertEquals(A, voc.images().get(0).boxes());
        assertEquals(B, voc.images().get(1).boxes());
        assertTrue(voc.images().get(1).crowd(1));
        assertEquals(0, voc.images().get(2).boxes().size());
        Annotations sorted = VocAnnotations.read(dir.resolve("voc"), dir.resolve("images"), null, CrowdBoxes.DROP);
        assertEquals(List.of("bottle", "dog", "person"), sorted.classNames());
        assertEquals(1, sorted.images().get(1).boxes().size());
    }

    @Test
    void csvRowsGroupByImageInFirstRowOrderWithEmptyRowsForImagesWithoutBoxes() {
        Path dir = fixtures();
        Annotations csv = CsvBoxAnnotations.read(dir.resolve("boxes.csv"), dir.resolve("images"), CLASSES);
        assertEquals(3, csv.images().size());
        assertEquals(A, csv.images().get(0).boxes());
        assertEquals(BoundingBoxes.of(BoxFormat.XYXY, new double[][] {{5, 2, 9, 8}}, new int[] {2}),
                csv.images().get(1).boxes());
        assertEquals(0, csv.images().get(2).boxes().size());
        assertEquals(0, csv.images().get(2).width());
    }

    @Test
    void malformedCocoIsNamedByFileAndField(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("bad.json");
        Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 4}],"
                + " \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
                + " \"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3]}]}");
        assertEquals(json + ": annotations[0].bbox must be 4 numbers [x, y, width, height]; got [1,2,3]",
                assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp, CrowdBoxes.KEEP))
                        .getMessage());
        Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 4}],"
                + " \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
                + " \"annotations\": [{\"image_id\": 1, \"category_id\": 5, \"bbox\": [1, 2, 3, 1]}]}");
        assertEquals(json + ": annotations[0].category_id must name a category's id [1]; got 5",
                assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp, CrowdBoxes.KEEP))
                        .getMessage());
        for (String width : new String[] {"-4", "3340530124"}) {
            Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": " + width
                    + ", \"height\": 4}], \"categories\": []}");
            assertEquals(json + ": images[0].width must be an integer from 0 to 2147483647; got " + width,
                    assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp,
                            CrowdBoxes.KEEP)).getMessage(), "width " + width);
        }
        Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": 4, \"height\": 4}],"
                + " \"categories\": [{\"id\": 18446744073709551617, \"name\": \"x\"}]}");
        assertEquals(json + ": categories[0].id must be an integer; got 18446744073709551617",
                assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp, CrowdBoxes.KEEP))
                        .getMessage());
        Files.writeString(json, "{\"images\": [{\"id\": 1, \"file_name\": \"../outside.png\", \"width\": 4,"
                + " \"height\": 4}], \"categories\": []}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp,
                CrowdBoxes.KEEP)).getMessage().startsWith(json + ": images[0].file_name must name a file inside"));
        Files.writeString(json, "{\"images\": [}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CocoAnnotations.read(json, tmp,
                CrowdBoxes.KEEP)).getMessage().startsWith(json + ": not valid JSON"));
    }

    @Test
    void malformedVocAndCsvAreNamedByFileAndField(@TempDir Path tmp) throws IOException {
        Path xml = tmp.resolve("x.xml");
        Files.writeString(xml, "<annotation><filename>x.png</filename><size><width>4</width><height>4</height>"
                + "</size><object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><ymax>2</ymax></bndbox>"
                + "</object></annotation>");
        assertEquals(xml + ": object[0].bndbox.xmax is missing", assertThrows(IllegalArgumentException.class,
                () -> VocAnnotations.read(tmp, tmp, null, CrowdBoxes.KEEP)).getMessage());
        Path csv = tmp.resolve("b.csv");
        Files.writeString(csv, "filename,xmin,ymin,xmax,ymax,class\na.png,1,2,x3,4,cat\n");
        assertEquals(csv + ": row 2: xmax must be a number; got \"x3\"", assertThrows(
                IllegalArgumentException.class, () -> CsvBoxAnnotations.read(csv, tmp, null)).getMessage());
        Files.writeString(csv, "filename,xmin,ymin,xmax,ymax,class\na.png,1,2\n");
        assertEquals(csv + ": row 2 must hold 6 values as the header does; got 3", assertThrows(
                IllegalArgumentException.class, () -> CsvBoxAnnotations.read(csv, tmp, null)).getMessage());
        Files.writeString(csv, "filename,xmin,ymin,xmax,class\na.png,1,2,3,cat\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvBoxAnnotations.read(csv, tmp, null))
                .getMessage().startsWith(csv + ": the header must name the column \"ymax\""));
    }

    /** A VOC file with an external entity pointing at a secret: refused, and the secret appears nowhere. */
    @Test
    void xxeIsRefusedAndReadsNothing(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-7f3a");
        Path dir = Files.createDirectory(tmp.resolve("voc"));
        List<String> attacks = List.of(
                "<!DOCTYPE annotation [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                "<!DOCTYPE annotation [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>",
                "<!DOCTYPE annotation SYSTEM \"" + secret.toUri() + "\">");
        for (String doctype : attacks) {
            Files.writeString(dir.resolve("evil.xml"), "<?xml version=\"1.0\"?>\n" + doctype + "\n<annotation>"
                    + "<filename>a.png</filename><size><width>4</width><height>4</height></size><object><name>&xxe;"
                    + "</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object>"
                    + "</annotation>");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VocAnnotations.read(dir, tmp, null, CrowdBoxes.KEEP), doctype);
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("TOPSECRET"), doctype);
            }
        }
    }
}
