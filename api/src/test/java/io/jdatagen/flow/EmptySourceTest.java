package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder or CSV that gives a flow no image fails at build time, naming what was looked at; a
 * validation split that leaves a subset empty still follows Keras.
 */
class EmptySourceTest {
    private static final ImageDataGenerator GEN = ImageDataGenerator.builder().build();

    private static DirectoryFlowOptions options() {
        return FlowOptions.directory().targetSize(8, 8);
    }

    private static void image(Path file) {
        TestImages.write(file, TestImages.jpeg(TestImages.blocks(8, 8), 0.9f));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "missing <" + part + "> in: " + message);
        }
    }

    @Test
    void emptyClassFoldersNameTheFolderTheExtensionsAndTheClasses(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("cats"));
        Files.createDirectories(root.resolve("dogs"));
        Files.writeString(root.resolve("dogs/notes.txt"), "not an image");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GEN.flowFromDirectory(root, options()));
        assertContains(e.getMessage(), "flowFromDirectory found no images in " + root,
                "the 2 class folder(s) \"cats\", \"dogs\" hold no file ending in .png, .jpg, .jpeg, .bmp, .ppm,"
                        + " .tif, .tiff");
    }

    @Test
    void classFoldersOfUnreadableFilesSaySoUnderSkipUnreadable(@TempDir Path root) {
        TestImages.write(root.resolve("cats/a.jpg"), new byte[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.flowFromDirectory(root,
                FlowOptions.directory().targetSize(8, 8).skipUnreadable(true)));
        assertContains(e.getMessage(), "the 1 class folder(s) \"cats\" hold no readable image: 1 file(s) were"
                + " unreadable and skipped (skipUnreadable), e.g. [" + root.resolve("cats/a.jpg") + "]");
    }

    @Test
    void imagesLyingInTheFolderItselfPointAtItsParent(@TempDir Path root) {
        image(root.resolve("a.jpg"));
        image(root.resolve("b.png.jpg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GEN.flowFromDirectory(root, options()));
        assertContains(e.getMessage(), "it has no sub-folders", "2 image file(s) lie directly in it: pass its parent"
                + " folder");
    }

    @Test
    void givenClassesWithoutFoldersAreNamed(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("cats"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.flowFromDirectory(root,
                FlowOptions.directory().targetSize(8, 8).classes(java.util.List.of("cats", "dgos"))));
        assertContains(e.getMessage(), "\"cats\", \"dgos\"", "the classes \"dgos\" given in classes have no folder"
                + " there");
    }

    @Test
    void aCsvPointingAtTheWrongFolderNamesTheCsvTheFolderAndTheDroppedRows(@TempDir Path root) throws IOException {
        image(root.resolve("images/a.jpg"));
        image(root.resolve("images/b.jpg"));
        Path csv = Files.writeString(root.resolve("labels.csv"), "file,label\na.jpg,cat\nb.jpg,dog\nc.gif,dog\n");
        Path wrong = root.resolve("imgs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GEN.flowFromDataframe(DataFrame.readCsv(csv), FlowOptions.dataframe().directory(wrong)
                        .xCol("file").yCol("label").targetSize(8, 8)));
        assertContains(e.getMessage(), "flowFromDataframe found no images: the CSV file " + csv + " has 3 row(s)",
                "x_col \"file\" names are resolved against " + wrong,
                "dropped: 3 as invalid file names (no such file, or a name not ending in .png",
                "e.g. \"a.jpg\", \"b.jpg\", \"c.gif\"");
        FileFlow right = GEN.flowFromDataframe(DataFrame.readCsv(csv), FlowOptions.dataframe()
                .directory(root.resolve("images")).xCol("file").yCol("label").targetSize(8, 8));
        assertEquals(2, right.samples(), "the right folder finds the two images");
    }

    @Test
    void rowsWithoutALabelAmongTheClassesAreCounted(@TempDir Path root) {
        image(root.resolve("a.jpg"));
        DataFrame table = DataFrame.builder("file", "label").row("a.jpg", "cat").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GEN.flowFromDataframe(table, FlowOptions.dataframe().directory(root).xCol("file").yCol("label")
                        .classes(java.util.List.of("dog")).targetSize(8, 8)));
        assertContains(e.getMessage(), "the data frame has 1 row(s)", "dropped: 1 with no label among the classes"
                + " \"dog\"");
    }

    @Test
    void anEmptySegmentationFolderIsNamed(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("masks"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GEN.flowPairsFromDirectories(
                root.resolve("images"), root.resolve("masks"), FlowOptions.pairDirectories().targetSize(8, 8)));
        assertContains(e.getMessage(), "flowPairsFromDirectories found no images in " + root.resolve("images"),
                ".jpeg");
    }

    @Test
    void anEmptyValidationSubsetIsTheCallersChoiceAsInKeras(@TempDir Path root) {
        image(root.resolve("cats/a.jpg"));
        image(root.resolve("dogs/b.jpg"));
        FileFlow validation = GEN.flowFromDirectory(root, FlowOptions.directory().targetSize(8, 8)
                .subset("validation"));
        assertEquals(0, validation.samples(), "validation_split 0: Keras's empty validation set");
        assertEquals(0, validation.size());
        assertEquals("Found 0 images belonging to 2 classes.", validation.summary());
    }
}
