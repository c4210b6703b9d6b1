package io.jdatagen.flow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pandas' rules for the text of a CSV file: UTF-8 with an optional byte-order mark, its default
 * missing-value markers, and what counts as a number.
 */
final class CsvText {
    /** pandas' default {@code na_values}, plus the empty cell. */
    private static final Set<String> MISSING = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
            "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
    private static final Pattern NUMBER = Pattern.compile(
            "\\s*[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|(?i:inf|infinity))\\s*");

    private CsvText() {
    }

    /**
     * The file's text: UTF-8, a leading byte-order mark dropped.
     *
     * @throws IOException naming the line and column of the first bytes that are not UTF-8
     */
    static String decode(Path csv) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CharacterCodingException() {
                private static final long serialVersionUID = 1L;

                @Override
                public String getMessage() {
                    return "the bytes at " + position(bytes, start, in.position()) + " are not UTF-8";
                }
            };
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** {@code line L, column C} of byte {@code at} (both from 1; columns count characters). */
    private static String position(byte[] bytes, int start, int at) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
        return "line " + line + ", column " + (before.codePointCount(0, before.length()) + 1);
    }

    /** {@return whether pandas reads {@code cell} as missing} */
    static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    /** {@return whether pandas reads {@code cell} as a number} */
    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }

    /** {@return the number in {@code cell}, which {@link #isNumber} accepted} */
    static double number(String cell) {
        String s = cell.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }
}
