package io.jdatagen.shards;

import static io.jdatagen.shards.ShardIndex.FORMAT;
import static io.jdatagen.shards.ShardIndex.JSON_LABEL;
import static io.jdatagen.shards.ShardIndex.MAX_BYTES;
import static io.jdatagen.shards.ShardIndex.MAX_KEY;
import static io.jdatagen.shards.ShardIndex.MAX_LABEL;
import static io.jdatagen.shards.ShardIndex.MAX_NAME;
import static io.jdatagen.shards.ShardIndex.VERSION;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link ShardIndex} as untrusted input: strict UTF-8, streamed token by token (a large index never
 * exists as a JSON tree), every string and the whole file bounded, every error naming the index's location.
 */
final class ShardIndexReader {
    private static final JsonFactory JSON = new JsonFactory();

    private ShardIndexReader() {
    }

    /**
     * {@return the index read from {@code in}, within the bounds {@link ShardIndex} states}
     *
     * @param location the index's location, as error messages name it
     * @throws IOException if {@code in} cannot be read
     * @throws IllegalArgumentException naming {@code location} for bytes that are not such an index
     */
    static ShardIndex read(InputStream in, String location) throws IOException {
        return read(in, location, MAX_BYTES);
    }

    /** {@return the index read from {@code in}, of at most {@code maxBytes} bytes} */
    static ShardIndex read(InputStream in, String location, long maxBytes) throws IOException {
        // UTF-8 only (RFC 8259), decoded strictly: Jackson's own detection would also take UTF-16 and UTF-32.
        java.io.Reader text = new InputStreamReader(new BoundedStream(in, maxBytes, location),
                StandardCharsets.UTF_8.newDecoder());
        try (JsonParser p = JSON.createParser(text)) {
            return new Reader(p, location).index();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("shard index " + location + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("shard index " + location + " is not UTF-8 text: " + e, e);
        }
    }

    /** A streaming reader of the index, so that a large index never exists as a JSON tree. */
    private static final class Reader {
        private final JsonParser p;
        private final String location;

        Reader(JsonParser p, String location) {
            this.p = p;
            this.location = location;
        }

        ShardIndex index() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the index");
            String format = null;
            Integer version = null;
            String field = JSON_LABEL;
            List<ShardIndex.Shard> shards = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format" -> format = text(value, "format", 64);
                    case "version" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "version");
                        version = p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : -1;
                    }
                    case "jsonLabel" -> field = text(value, "jsonLabel", MAX_NAME);
                    case "shards" -> shards = shards(value);
                    default -> p.skipChildren();
                }
            }
            if (!FORMAT.equals(format) || version == null || version != VERSION) {
                throw bad("format must be " + FORMAT + " and version " + VERSION + "; got format " + format
                        + " and version " + version);
            }
            if (shards == null) {
                throw bad("it has no shards field");
            }
            if (p.nextToken() != null) {
                throw bad("it holds more than one JSON value");
            }
            try {
                return new ShardIndex(shards, field);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private List<ShardIndex.Shard> shards(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "shards");
            List<ShardIndex.Shard> out = new ArrayList<>();
            long samples = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                ShardIndex.Shard s = shard();
                samples += s.samples().size();
                if (samples > Integer.MAX_VALUE - 8) {
                    throw bad("it lists more than " + (Integer.MAX_VALUE - 8) + " samples");
                }
                out.add(s);
            }
            return out;
        }

        private ShardIndex.Shard shard() throws IOException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "a shard");
            String name = null;
            long bytes = -1;
            List<ShardIndex.Sample> samples = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> name = text(value, "a shard's name", MAX_NAME);
                    case "bytes" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "a shard's bytes");
                        JsonParser.NumberType type = p.getNumberType();
                        bytes = type == JsonParser.NumberType.BIG_INTEGER ? -1 : p.getLongValue();
                    }
                    case "samples" -> samples = samples(value);
                    default -> p.skipChildren();
                }
            }
            if (name == null || samples == null || bytes < 0) {
                throw bad("a shard must have a name, a size in bytes (a whole number >= 0) and samples; got name "
                        + name + ", bytes " + bytes);
            }
            try {
                return new ShardIndex.Shard(name, bytes, samples);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }

        private List<ShardIndex.Sample> samples(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "samples");
            List<ShardIndex.Sample> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p.currentToken(), JsonToken.START_OBJECT, "a sample");
                String key = null;
                String image = null;
                String label = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "key" -> key = text(value, "a sample's key", MAX_KEY);
                        case "image" -> image = text(value, "a sample's image", MAX_NAME);
                        case "label" -> label = value == JsonToken.VALUE_NULL ? null
                                : text(value, "a sample's label", MAX_LABEL);
                        default -> p.skipChildren();
                    }
                }
                try {
                    out.add(new ShardIndex.Sample(key, image, label));
                } catch (IllegalArgumentException e) {
                    throw bad(e.getMessage());
                }
            }
            return out;
        }

        private String text(JsonToken token, String what, int max) throws IOException {
            expect(token, JsonToken.VALUE_STRING, what);
            if (p.getTextLength() > max) {
                throw bad(what + " must be at most " + max + " characters; got " + p.getTextLength());
            }
            return p.getText();
        }

        private void expect(JsonToken token, JsonToken wanted, String what) {
            if (token != wanted) {
                throw bad(what + " must be " + describe(wanted) + "; got " + (token == null ? "the end" : describe(token)));
            }
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT -> "a whole number";
                default -> token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            };
        }

        private IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("shard index " + location + " is not a jdatagen shard index: " + why);
        }
    }

    /** A stream that fails once more than {@code max} bytes are read from it. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private final long max;
        private final String location;
        private long read;

        BoundedStream(InputStream in, long max, String location) {
            super(in);
            this.max = max;
            this.location = location;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }

        private void count(int n) {
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new IllegalArgumentException("shard index " + location + " must be at most " + max
                            + " bytes");
                }
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count((int) Math.min(skipped, Integer.MAX_VALUE));
            return skipped;
        }
    }
}
