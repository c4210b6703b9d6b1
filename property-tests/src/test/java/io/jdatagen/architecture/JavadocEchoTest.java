package io.jdatagen.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Javadoc {@code @param} or {@code @return} tag of the main sources only repeats its name
 * ({@code @param plan the plan}, {@code {@return the batch}} on {@code batch()}): doclint no longer
 * asks for every tag, so a tag is written only when it says something the name does not.
 */
class JavadocEchoTest {
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("@param\\s+(<?\\w+>?)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern RETURN = Pattern.compile("@return\\s*(.*)", Pattern.DOTALL);
    private static final Pattern INLINE_RETURN = Pattern.compile("\\{@return\\s+((?:[^{}]|\\{[^{}]*\\})*)\\}");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain)\\s+([^}]*)\\}");
    private static final Pattern CALL_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    /** The repository root: property-tests runs in its own folder of the reactor. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("property-tests")) ? here : here.getParent();
    }

    @Test
    void noTagOnlyRepeatsItsName() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root())) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/") && !p.toString().contains("/target/"))
                    .sorted().collect(Collectors.toList());
        }
        assertTrue(sources.size() > 200, "the check sees the main sources of every module; found " + sources.size());
        List<String> echoes = new ArrayList<>();
        for (Path source : sources) {
            echoes.addAll(echoesIn(source));
        }
        assertEquals(List.of(), echoes, "Javadoc tags that only repeat their name: describe what the name"
                + " does not say, or delete the tag");
    }

    @Test
    void theCheckRecognisesEchoes() {
        assertTrue(isEcho("flipHorizontal", "the flip horizontal"));
        assertTrue(isEcho("plan", "the plan"));
        assertTrue(isEcho("plan", ""));
        assertTrue(isEcho("maskDir", "the {@code maskDir}"));
        assertTrue(!isEcho("plan", "the plan to warp by, built once per sample"));
        assertTrue(!isEcho("format", "the data format"));
        assertEquals(List.of("batch"), methodWords("getBatch"));
    }

    static List<String> echoesIn(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        Matcher comment = COMMENT.matcher(text);
        while (comment.find()) {
            String name = declaredName(text.substring(comment.end(), Math.min(text.length(), comment.end() + 400)));
            String where = source.getFileName() + ":" + (1 + text.substring(0, comment.start()).split("\n", -1).length - 1);
            for (String tag : tags(comment.group(1))) {
                Matcher param = PARAM.matcher(tag);
                if (param.matches()) {
                    if (isEcho(param.group(1), param.group(2))) {
                        found.add(where + " " + tag);
                    }
                    continue;
                }
                Matcher ret = RETURN.matcher(tag);
                if (ret.matches() && name != null && words(ret.group(1)).equals(methodWords(name))) {
                    found.add(where + " " + tag);
                }
            }
            Matcher inline = INLINE_RETURN.matcher(comment.group(1));
            if (inline.find() && name != null && words(inline.group(1)).equals(methodWords(name))) {
                found.add(where + " " + inline.group());
            }
        }
        return found;
    }

    /** The block tags of a comment body, continuation lines joined. */
    private static List<String> tags(String body) {
        List<String> tags = new ArrayList<>();
        StringBuilder current = null;
        for (String line : body.split("\n")) {
            String text = line.replaceFirst("^\\s*\\*\\s?", "").strip();
            if (text.startsWith("@")) {
                if (current != null) {
                    tags.add(current.toString());
                }
                current = new StringBuilder(text);
            } else if (current != null && !text.isEmpty()) {
                current.append(' ').append(text);
            } else if (current != null) {
                tags.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            tags.add(current.toString());
        }
        return tags;
    }

    /** The name of the method or constructor the comment documents; null for types and fields. */
    private static String declaredName(String after) {
        for (String line : after.split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("@")) {
                continue;
            }
            Matcher call = CALL_NAME.matcher(text);
            return text.contains("(") && call.find() ? call.group(1) : null;
        }
        return null;
    }

    static boolean isEcho(String name, String description) {
        return description.isBlank() || words(description).equals(words(name));
    }

    static List<String> methodWords(String name) {
        List<String> words = words(name);
        boolean accessor = words.size() > 1 && Set.of("get", "is", "has").contains(words.get(0));
        return accessor ? words.subList(1, words.size()) : words;
    }

    /** Lower-case words of {@code text}, camel case split, inline tags unwrapped, articles dropped. */
    static List<String> words(String text) {
        String plain = INLINE_TAG.matcher(text).replaceAll("$1").replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        return Arrays.stream(plain.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty() && !ARTICLES.contains(w)).collect(Collectors.toList());
    }
}
