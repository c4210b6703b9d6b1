package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.TestImages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class folders and files whose names do not survive a {@code String} round trip: {@code café}
 * (UTF-8 bytes) under the POSIX locale, where the JDK decodes file names as US-ASCII, and
 * {@code caf\xe9} (Latin-1, as legacy zip archives hold) under a UTF-8 locale. The names are made
 * with {@code /bin/sh} and {@code printf} (a UTF-8 JVM cannot create invalid UTF-8 names) and the
 * flows run in child JVMs under each locale ({@link PlatformCharsetFlowMain}).
 */
class PlatformCharsetNamesTest {
    /** The UTF-8 bytes of {@code café}, as {@code printf} octal escapes. */
    private static final String CAFE_UTF8 = "caf\\303\\251";
    /** {@code caf\xe9}: {@code café} in Latin-1, invalid UTF-8. */
    private static final String CAFE_LATIN1 = "caf\\351";

    @BeforeAll
    static void linuxWithASh() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "file names are bytes on Linux; other systems store them as characters");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "/bin/sh makes the byte names");
    }

    /** Runs {@code script} with {@code /bin/sh} in {@code dir}; {@code $(n 'caf\351')} prints a byte name. */
    private static void sh(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "set -e\nn() { printf \"$1\"; }\n" + script)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.waitFor(), "the shell could not make the tree: " + out);
    }

    /**
     * The test tree under {@code root}: {@code classes/} (café: 2 images, one with an invalid UTF-8
     * name; caf\xe9: 3; plain: 1, 2 in {@code sub\xe9/}, 1 in {@code subé/}, and 1 more through the
     * symlink {@code ln\xe9} to {@code outside/o\xe9}), {@code labels.csv} naming 3 of them in UTF-8,
     * and {@code pairs/images} with {@code pairs/masks} (3 pairs, one matched by stem next to a mask
     * whose name decodes the same).
     */
    private static void tree(Path root) throws IOException, InterruptedException {
        byte[] rgb = TestImages.encode(TestImages.toBuffered(TestImages.gradient(5, 6, 3)), "png");
        TestImages.write(root.resolve("stage/rgb.png"), rgb);
        TestImages.write(root.resolve("stage/photo.jpg"), TestImages.jpeg(TestImages.gradient(5, 6, 3), 0.9f));
        TestImages.write(root.resolve("stage/mask.png"),
                TestImages.encode(TestImages.toBuffered(TestImages.gradient(5, 6, 1)), "png"));
        sh(root, "U=\"$(n '" + CAFE_UTF8 + "')\"; L=\"$(n '" + CAFE_LATIN1 + "')\"\n"
                + "mkdir -p \"classes/$U\" \"classes/$L\" \"classes/plain/$(n 'sub\\351')\""
                + " \"classes/plain/$(n 'sub\\303\\251')\" \"outside/$(n 'o\\351')\"\n"
                + "cp stage/rgb.png \"classes/$U/1.png\"; cp stage/rgb.png \"classes/$U/$(n 'img\\351').png\"\n"
                + "for i in 1 2 3; do cp stage/rgb.png \"classes/$L/$i.png\"; done\n"
                + "cp stage/rgb.png classes/plain/1.png\n"
                + "cp stage/rgb.png \"classes/plain/$(n 'sub\\351')/1.png\"\n"
                + "cp stage/rgb.png \"classes/plain/$(n 'sub\\351')/2.png\"\n"
                + "cp stage/rgb.png \"classes/plain/$(n 'sub\\303\\251')/1.png\"\n"
                + "cp stage/rgb.png \"outside/$(n 'o\\351')/1.png\"\n"
                + "ln -s \"../../outside/$(n 'o\\351')\" \"classes/plain/$(n 'ln\\351')\"\n"
                + "mkdir -p \"pairs/images/$L\" \"pairs/masks/$L\" \"pairs/images/$U\" \"pairs/masks/$U\"\n"
                + "cp stage/rgb.png \"pairs/images/$L/x.png\"; cp stage/mask.png \"pairs/masks/$L/x.png\"\n"
                + "cp stage/photo.jpg \"pairs/images/$L/$(n 'z\\351').jpg\"\n"
                + "cp stage/mask.png \"pairs/masks/$L/$(n 'z\\351').png\"\n"
                + "cp stage/mask.png \"pairs/masks/$L/$(n 'z\\350').png\"\n"
                + "cp stage/rgb.png \"pairs/images/$U/y.png\"; cp stage/mask.png \"pairs/masks/$U/y.png\"\n");
        Files.writeString(root.resolve("labels.csv"),
                "filename,class\ncaf\u00e9/1.png,a\nplain/sub\u00e9/1.png,b\nplain/1.png,b\n", StandardCharsets.UTF_8);
    }

    /**
     * Runs {@link PlatformCharsetFlowMain} on the tree in a child JVM whose environment has no
     * {@code LANG}, {@code LANGUAGE} or {@code LC_*} but {@code locale}; returns its output lines by
     * their first word.
     */
    private static Map<String, List<String>> child(Path root, Map<String, String> locale) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-modules=") || arg.startsWith("--enable-native-access=")) {
                command.add(arg);
            }
        }
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--add-modules") || args.get(i).equals("--enable-native-access")) {
                command.add(args.get(i));
                command.add(args.get(i + 1));
            }
        }
        command.addAll(List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"),
                PlatformCharsetFlowMain.class.getName(), root.resolve("classes").toString(),
                root.resolve("labels.csv").toString(), root.resolve("pairs/images").toString(),
                root.resolve("pairs/masks").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
        pb.environment().putAll(locale);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish: " + out);
        assertEquals(0, p.exitValue(), "the child JVM under " + locale + " failed:\n" + out);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] words = line.split(" ", 2);
            if (words.length == 2 && List.of("charset", "summary", "class", "filenames", "dataframe",
                    "missing-validated", "missing-unvalidated", "pairs", "listing").contains(words[0])) {
                lines.computeIfAbsent(words[0], k -> new ArrayList<>()).add(unescaped(words[1]));
            }
        }
        return lines;
    }

    /** Undoes {@link PlatformCharsetFlowMain#escaped}. */
    private static String unescaped(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** What every locale finds: all 10 images of the tree, 3 CSV rows, 3 pairs, 9 files walked without links. */
    private static void assertEverythingLoads(Map<String, List<String>> found, List<String> classLines) {
        assertEquals(List.of("Found 10 images belonging to 3 classes."), found.get("summary"), found.toString());
        assertEquals(classLines, found.get("class"), "class index, name and images loaded in one epoch");
        assertEquals(List.of("10"), found.get("filenames"));
        assertEquals(List.of("3 3"), found.get("dataframe"), "every CSV row found and loaded");
        assertEquals(List.of("dropped 1"), found.get("missing-validated"),
                "a missing file is an invalid file name, and a table left with none fails naming it");
        assertEquals(List.of("3 3"), found.get("pairs"), "every image with its mask");
        assertEquals(List.of("9"), found.get("listing"), "the command-line tool's listing");
    }

    @Test
    @Timeout(120)
    void underThePosixLocaleUtf8NamesLoadWithReplacementCharactersInTheirClassNames(@TempDir Path root)
            throws Exception {
        tree(root);
        Map<String, List<String>> found = child(root, Map.of("LANG", "C", "LC_ALL", "C"));
        assertEquals(StandardCharsets.US_ASCII, Charset.forName(found.get("charset").get(0)),
                "the POSIX locale's file-name charset");
        assertEverythingLoads(found, List.of("0 caf\ufffd 3", "1 caf\ufffd\ufffd 2", "2 plain 5"));
        assertEquals(List.of("file name \"nowhere/caf\u00e9.png\" (row 0) cannot be a file name in the platform"
                + " charset (" + found.get("charset").get(0) + ") and no file has its UTF-8 bytes; set"
                + " validateFilenames(true) to drop such rows"), found.get("missing-unvalidated"));
    }

    @Test
    @Timeout(120)
    void underAUtf8LocaleInvalidNamesLoadWithAReplacementCharacterInTheirClassNames(@TempDir Path root)
            throws Exception {
        String utf8 = utf8Locale();
        tree(root);
        Map<String, List<String>> found = child(root, Map.of("LC_ALL", utf8));
        assertEquals(StandardCharsets.UTF_8, Charset.forName(found.get("charset").get(0)), "under " + utf8);
        assertEverythingLoads(found, List.of("0 caf\u00e9 2", "1 caf\ufffd 3", "2 plain 5"));
        assertEquals(List.of("found 1"), found.get("missing-unvalidated"), "a missing file fails when it is read");
    }

    /** C.UTF-8 when {@code locale -a} lists it (glibc 2.35 and later always have it), else another UTF-8 locale. */
    private static String utf8Locale() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "locale -a 2>/dev/null || true").start();
        List<String> locales = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines()
                .filter(l -> l.toLowerCase(Locale.ROOT).replace("-", "").endsWith(".utf8")).toList();
        p.waitFor();
        assumeTrue(!locales.isEmpty(), "no UTF-8 locale is installed");
        return locales.stream().filter(l -> l.toLowerCase(Locale.ROOT).replace("-", "").equals("c.utf8")).findFirst()
                .orElse(locales.get(0));
    }

    @Test
    void classFoldersWhoseNamesDecodeAlikeAreAnErrorNamingBoth(@TempDir Path root) throws Exception {
        byte[] png = TestImages.encode(TestImages.toBuffered(TestImages.gradient(4, 4, 3)), "png");
        TestImages.write(root.resolve("plain/1.png"), png);
        sh(root, "for d in \"$(n 'caf\\351')\" \"$(n 'caf\\350')\"; do mkdir \"$d\"; cp plain/1.png \"$d\"/; done");
        List<String> names;
        try (Stream<Path> listed = Files.list(root)) {
            names = listed.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("caf")).toList();
        }
        assumeTrue(names.get(0).equals(names.get(1)), "this JVM's file-name charset decodes both names alike");
        ImageDataGenerator g = ImageDataGenerator.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.flowFromDirectory(root, FlowOptions.directory()));
        assertEquals("the sub-folders \"caf\\xe8\" and \"caf\\xe9\" of " + root + " (bytes outside printable ASCII"
                + " shown as \\xNN) all decode to the class name \"" + names.get(0) + "\" in the platform charset ("
                + System.getProperty("sun.jnu.encoding") + "), so their classes cannot be told apart; rename them,"
                + " or run Java under a locale (LC_ALL or LANG) whose charset decodes their names", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.flowFromDirectory(root,
                FlowOptions.directory().classes(List.of(names.get(0)))), "named as a class, still ambiguous");
        FileFlow plain = g.flowFromDirectory(root, FlowOptions.directory().classes(List.of("plain")));
        assertEquals(1, plain.samples(), "folders not used as classes are not in the way");
    }

    @Test
    void givenClassNamesAndTheFileListerUseTheListedFolders(@TempDir Path root) throws Exception {
        tree(root);
        Path classes = root.resolve("classes");
        List<Path> folders;
        try (Stream<Path> listed = Files.list(classes)) {
            folders = listed.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        List<String> names = folders.stream().map(p -> p.getFileName().toString()).toList();
        ImageDataGenerator g = ImageDataGenerator.builder().build();
        FileFlow given = g.flowFromDirectory(classes, FlowOptions.directory().classes(List.of(names.get(1), "plain")));
        assertEquals(List.of(names.get(1), "plain"), given.classNames());
        long files;
        try (Stream<Path> listed = Files.list(folders.get(1))) {
            files = listed.count();
        }
        assertEquals(files, java.util.Arrays.stream(given.classes()).filter(c -> c == 0).count(),
                "the class given as " + names.get(1) + " is the listed folder");
        Map<String, Path> asked = new LinkedHashMap<>();
        FileFlow listed = g.flowFromDirectory(classes, FlowOptions.directory().fileLister((name, folder) -> {
            asked.put(name, folder);
            return Flows.imageFiles(folder);
        }));
        assertEquals(Map.of(names.get(0), folders.get(0), names.get(1), folders.get(1), "plain", folders.get(2)), asked);
        assertEquals(9, listed.samples(), "the lister walks each class folder without links");
        for (Path file : listed.paths()) {
            assertTrue(Files.isRegularFile(file), file.toString());
        }
    }
}
