package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both codecs against Pillow's verdict on a committed corpus of small hostile and unusual files
 * (decompression bombs, truncations, odd EXIF blocks and canvases, palettes, 16-bit and float
 * samples, multi-page TIFFs, animations; a third of them named with another format's extension).
 * {@code api/src/test/python/pillow_verdicts.py} generated the files and recorded in
 * {@code verdicts.json} what Keras's {@code load_img} meets with Pillow 12.3.0: {@code Image.open},
 * {@code load()}, {@code convert("RGB")}. This test needs no Python.
 *
 * <p>What is compared, through {@link ImageCodec#decode} on the bytes and through
 * {@link ImageFileReader#load} on the file (so that its lying name is exercised):
 * <ul>
 *   <li>Pillow decodes it ↔ the codec decodes it, with the same height and width. The channels are
 *       not compared: before the color-mode conversion each codec keeps the file's own layout (gray,
 *       palette expanded to RGB or RGBA, ...) where Pillow keeps a mode ({@code P}, {@code I;16},
 *       {@code F}, ...); after it the loader's RGB has three. Sample values are not compared either:
 *       JPEG decoders round differently and 16-bit samples are scaled to 8 bits here where Pillow
 *       clips them.</li>
 *   <li>Pillow raises {@code DecompressionBombError} ↔ {@link PixelLimit.ImageTooLargeException};
 *       any other Pillow error ↔ an {@link IOException} (a reason, never a partial image). The
 *       exception classes differ by language, so only refusal and the bomb rule are compared.</li>
 * </ul>
 * EXIF orientation is not applied in the main comparison, as Keras does not apply it; with the
 * codecs' orientation option on, the size must be that of Pillow's {@code ImageOps.exif_transpose}
 * (the orientation tag read as Pillow reads it, also from a directory that runs past its segment).
 */
class PillowVerdictTest {
    private static final String CORPUS = "/io/jdatagen/io/pillow-corpus/";
    private static final String REGENERATE = "; regenerate the corpus with api/src/test/python/pillow_verdicts.py";
    private static final PixelLimit PILLOW = new PixelLimit(PixelLimit.PILLOW_MAX_IMAGE_PIXELS);

    /** One corpus file and Pillow's verdict on it. */
    record Case(String file, String format, boolean extensionLies, boolean ok, int height, int width, String mode,
            int uprightHeight, int uprightWidth, String error) {
        @Override
        public String toString() {
            return file + (ok ? " (Pillow: " + height + " x " + width + " " + mode + ")" : " (Pillow: " + error + ")");
        }
    }

    static List<Case> cases() {
        URL json = PillowVerdictTest.class.getResource(CORPUS + "verdicts.json");
        assertNotNull(json, "no " + CORPUS + "verdicts.json on the test class path" + REGENERATE);
        try (InputStream in = json.openStream()) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.path("cases")) {
                boolean ok = "ok".equals(c.path("verdict").asText());
                cases.add(new Case(c.path("file").asText(), c.path("format").asText(),
                        c.path("extensionLies").asBoolean(), ok, c.path("height").asInt(-1),
                        c.path("width").asInt(-1), c.path("mode").asText(""), c.path("uprightHeight").asInt(-1),
                        c.path("uprightWidth").asInt(-1), c.path("error").asText("")));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json + REGENERATE, e);
        }
    }

    static Stream<Arguments> codecsAndCases() {
        return Stream.of(ImageioCodec.NAME, OpencvCodec.NAME)
                .flatMap(codec -> cases().stream().map(c -> Arguments.of(codec, c)));
    }

    private static ImageCodec codec(String name) {
        ImageCodecs.Status status = ImageCodecs.statuses().stream().filter(s -> s.provider().name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no codec named " + name + ": "
                        + ImageCodecs.describe()));
        Assumptions.assumeTrue(status.availability().available(),
                () -> name + " unavailable: " + status.availability().reason());
        return status.provider().create();
    }

    private static Path file(Case c) {
        URL url = PillowVerdictTest.class.getResource(CORPUS + c.file());
        assertNotNull(url, "corpus file " + c.file() + " is missing" + REGENERATE);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("codecsAndCases")
    void eachCodecGivesPillowsVerdict(String codecName, Case c) throws IOException {
        ImageCodec codec = codec(codecName);
        Path path = file(c);
        byte[] bytes = Files.readAllBytes(path);
        DecodeOptions asKeras = new DecodeOptions(false, 0, 0, PILLOW);
        ImageFileReader loader = new ImageFileReader(codec, ColorMode.RGB, null, ResizeFilter.NEAREST, false, false,
                false, PILLOW);
        String what = codecName + " on " + c;
        if (c.ok()) {
            ByteImage image = decodeOrFail(codec, bytes, asKeras, what);
            assertEquals(c.height() + " x " + c.width(), image.height() + " x " + image.width(), what);
            ByteImage loaded = loader.load(path);
            assertEquals(c.height() + " x " + c.width() + " x 3", loaded.height() + " x " + loaded.width() + " x "
                    + loaded.channels(), what + " through the loader");
            ByteImage oriented = decodeOrFail(codec, bytes, new DecodeOptions(true, 0, 0, PILLOW), what);
            assertEquals(c.uprightHeight() + " x " + c.uprightWidth(), oriented.height() + " x " + oriented.width(),
                    what + " with EXIF orientation applied (Pillow's exif_transpose)");
            return;
        }
        boolean bomb = c.error().equals("DecompressionBombError");
        Class<? extends IOException> expected = bomb ? PixelLimit.ImageTooLargeException.class : IOException.class;
        IOException refused = assertThrows(expected, () -> codec.decode(bytes, asKeras), what);
        assertNotNull(refused.getMessage(), what + ": a refusal gives its reason");
        assertThrows(expected, () -> codec.decode(bytes, DecodeOptions.DEFAULT.pixelLimit().equals(PILLOW)
                ? DecodeOptions.DEFAULT : new DecodeOptions(true, 0, 0, PILLOW)), what + " with EXIF orientation");
        ImageReadException named = assertThrows(ImageReadException.class, () -> loader.load(path),
                what + " through the loader");
        assertEquals(path, named.path());
        assertInstanceOf(expected, named.getCause(), what + " through the loader: " + named.getMessage());
    }

    private static ByteImage decodeOrFail(ImageCodec codec, byte[] bytes, DecodeOptions options, String what) {
        try {
            return codec.decode(bytes, options);
        } catch (IOException e) {
            return fail(what + ": Pillow decodes it, the codec refused it: " + e.getMessage(), e);
        }
    }

    @Test
    void theCorpusCoversEveryFormatWithLyingNamesBombsAndGoodFiles() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 60, cases.size() + " cases" + REGENERATE);
        Set<String> formats = cases.stream().map(Case::format).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(formats.containsAll(List.of("png", "apng", "jpeg", "gif", "webp", "bmp", "tiff", "pnm")),
                formats.toString());
        long lying = cases.stream().filter(Case::extensionLies).count();
        assertTrue(lying * 3 >= cases.size(), lying + " of " + cases.size() + " files have a lying extension");
        for (String format : formats) {
            List<Case> of = cases.stream().filter(c -> c.format().equals(format)).toList();
            if (!format.equals("text") && !format.equals("empty")) {
                assertTrue(of.stream().anyMatch(Case::ok), format + ": no file Pillow decodes");
                assertTrue(of.stream().anyMatch(c -> !c.ok()), format + ": no file Pillow refuses");
            }
        }
        assertTrue(cases.stream().filter(c -> c.error().equals("DecompressionBombError")).count() >= 8,
                "too few bombs");
        Path dir = file(cases.get(0)).getParent();
        Set<String> listed = cases.stream().map(Case::file).collect(Collectors.toSet());
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.equals("verdicts.json") || listed.contains(name), name + " has no verdict" + REGENERATE);
                total += Files.size(p);
            }
        }
        assertTrue(total < 1 << 20, "the corpus is " + total + " bytes");
        assertFalse(listed.size() < cases.size(), "a file is listed twice");
    }
}
