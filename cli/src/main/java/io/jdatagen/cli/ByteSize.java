package io.jdatagen.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes such as {@code 256MB} or {@code 1GiB}: a whole number and an optional unit, case-insensitive;
 * {@code B}, {@code KB}, {@code MB}, {@code GB}, {@code TB} count in powers of 1,000 and {@code KiB},
 * {@code MiB}, {@code GiB}, {@code TiB} in powers of 1,024 (no unit: bytes).
 */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})\\s*([kmgt]i?)?b?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /**
     * {@return the number of bytes {@code text} names}
     *
     * @throws IllegalArgumentException naming the text when it is not a size, or passes a long's range
     */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a size is a whole number with an optional unit (B, KB, MB, GB, TB,"
                    + " KiB, MiB, GiB, TiB), e.g. 256MB; got: " + text);
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            if (unit.isEmpty()) {
                return n;
            }
            long base = unit.endsWith("i") ? 1024 : 1000;
            int power = "kmgt".indexOf(unit.charAt(0)) + 1;
            long scale = 1;
            for (int i = 0; i < power; i++) {
                scale = Math.multiplyExact(scale, base);
            }
            return Math.multiplyExact(n, scale);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size " + text + " is more than " + Long.MAX_VALUE + " bytes");
        }
    }
}
