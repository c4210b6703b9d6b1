package io.jdatagen.flow;

/** Python's {@code repr} of a string, for messages Keras prints as tuples. */
final class PythonRepr {
    private PythonRepr() {
    }

    /** {@return {@code s} quoted as Python's {@code repr} quotes it (single quotes unless it holds one and no double)} */
    static String of(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == quote) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(quote).toString();
    }
}
