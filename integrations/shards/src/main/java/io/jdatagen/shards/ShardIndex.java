package io.jdatagen.shards;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The small index written beside WebDataset shards ({@value #FILE_NAME}), so that a flow knows every
 * sample without reading the shards first. A JSON object:
 *
 * <pre>{@code
 * {"format":"jdatagen-shard-index","version":1,"jsonLabel":"label","shards":[
 *   {"name":"shard-000000.tar","bytes":10240,"samples":[{"key":"cats/x_1","image":"png","label":"cats"}, ...]},
 *   ...]}
 * }</pre>
 *
 * <p>Per shard: its file name (beside the index, one path segment), its size in bytes, and its samples in
 * tar order, each with its key, the suffix of its image member (the sample's name is {@code key + "." +
 * image}) and its label ({@code label} left out when it has none) as the shard's own members give it:
 * a {@code .cls}, else {@code .txt} member's class index, else the {@code .json} member's field named by
 * {@code jsonLabel}. Only samples with an image member are listed, as {@link TarShards} reads them. The
 * bytes are a function of the shards alone (fields in this order, no spaces, one shard a line, {@code \n}
 * line ends), so that writers that write the same shards write the same index.
 *
 * <p>An index is read as untrusted input: at most {@value #MAX_BYTES} bytes, shard names of
 * {@value #MAX_NAME} characters or fewer made of letters, digits, {@code .}, {@code _} and {@code -} (so
 * that a name resolves only beside the index), keys of at most {@value #MAX_KEY} characters, labels of at
 * most {@value #MAX_LABEL}, and no two shards of the same name.
 */
public final class ShardIndex {
    /** The index's file name beside the shards that {@link ShardWriter} and the Spark job write. */
    public static final String FILE_NAME = "shards.json";
    /** The largest index read, in bytes. */
    static final long MAX_BYTES = 1L << 30;
    static final int MAX_NAME = 255;
    static final int MAX_KEY = 4096;
    static final int MAX_LABEL = 65_536;
    static final String FORMAT = "jdatagen-shard-index";
    static final int VERSION = 1;
    static final String JSON_LABEL = "label";
    private static final JsonFactory JSON = new JsonFactory();

    private final List<Shard> shards;
    private final String jsonLabel;

    /**
     * One shard of the index.
     *
     * @param name the shard's file name, beside the index
     * @param bytes the shard's size in bytes, compared with what the store reports when it is opened
     * @param samples its samples with an image member, in tar order
     */
    public record Shard(String name, long bytes, List<Sample> samples) {
        /**
         * @throws IllegalArgumentException for a name that is not one path segment of letters, digits,
         *     {@code .}, {@code _} and {@code -} (at most 255, not {@code .} or {@code ..}), or a negative size
         */
        public Shard {
            checkName(name);
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes of shard " + name + " must be >= 0; got: " + bytes);
            }
            samples = List.copyOf(samples);
        }
    }

    /**
     * One sample of a shard.
     *
     * @param key the sample's key: the member path up to the first dot of its base name
     * @param image the suffix of its image member (lower case, e.g. {@code png} or {@code seg.jpg})
     * @param label its label (a class index written as a whole number, or a class name), or null
     */
    public record Sample(String key, String image, String label) {
        /**
         * @throws IllegalArgumentException for a key WebDataset would not group or longer than 4,096
         *     characters, a suffix that is not an image the codecs read, or a label over 65,536 characters
         */
        public Sample {
            if (key == null || key.length() > MAX_KEY || !key.equals(MemberGroups.keyOf(key + ".x"))) {
                throw new IllegalArgumentException("key must be at most " + MAX_KEY + " characters with no dot in its"
                        + " last path segment; got: " + abbreviated(key));
            }
            if (image == null || image.length() > MAX_NAME || !image.equals(image.toLowerCase(Locale.ROOT))
                    || image.contains("/") || !MemberGroups.isImage(image)) {
                throw new IllegalArgumentException("image of sample " + key + " must be the lower-case suffix of an"
                        + " image member (" + MemberGroups.IMAGE_EXTENSIONS + "); got: " + abbreviated(image));
            }
            if (label != null && label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("label of sample " + key + " must be at most " + MAX_LABEL
                        + " characters; got " + label.length());
            }
        }
    }

    /**
     * An index of {@code shards}, with labels as read by default (a {@code .json} member's {@code label}
     * field).
     *
     * @throws IllegalArgumentException if two shards have the same name
     */
    public ShardIndex(List<Shard> shards) {
        this(shards, JSON_LABEL);
    }

    ShardIndex(List<Shard> shards, String jsonLabel) {
        this.shards = List.copyOf(shards);
        this.jsonLabel = jsonLabel;
        Set<String> names = new HashSet<>();
        for (Shard s : this.shards) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("shards must have distinct names; " + s.name() + " is there twice");
            }
        }
    }

    /** {@return the shards, in the order their samples are numbered} */
    public List<Shard> shards() {
        return shards;
    }

    /** The {@code .json} member field the labels were read from. */
    String jsonLabel() {
        return jsonLabel;
    }

    /**
     * {@return the entry of a sample of members {@code key + "." + suffix}, as {@link TarShards} would list it
     * from the shard: the first image member's suffix and the label of its {@code .cls}, {@code .txt} or
     * {@code .json} member; null for a sample without an image member, which readers skip}
     *
     * @throws IllegalArgumentException for a label member that is not a class index or JSON with a usable
     *     {@code label} field, naming the member
     */
    public static Sample sample(String key, Map<String, byte[]> members) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
            String name = key + "." + m.getKey();
            String suffix = MemberGroups.suffixOf(name);
            if (!names.containsKey(suffix)) {
                names.put(suffix, name);
                bytes.put(suffix, m.getValue());
            }
        }
        MemberGroups.Group group = new MemberGroups.Group(key, bytes, names);
        String image = group.imageSuffix();
        if (image == null) {
            return null;
        }
        return new Sample(key, image, new SampleLabels(null, JSON_LABEL).of(group, "the shard being written"));
    }

    /** {@return the index as JSON: the same bytes for the same shards} */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new ShardPerLine());
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("jsonLabel", jsonLabel);
            g.writeFieldName("shards");
            g.writeStartArray();
            for (Shard s : shards) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeNumberField("bytes", s.bytes());
                g.writeFieldName("samples");
                g.writeStartArray();
                for (Sample m : s.samples()) {
                    g.writeStartObject();
                    g.writeStringField("key", m.key());
                    g.writeStringField("image", m.image());
                    if (m.label() != null) {
                        g.writeStringField("label", m.label());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** No spaces, and each element of the shards array on a line of its own. */
    private static final class ShardPerLine extends com.fasterxml.jackson.core.util.MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        private static boolean inShards(JsonGenerator g) {
            return g.getOutputContext().inArray() && !g.getOutputContext().getParent().inRoot()
                    && g.getOutputContext().getParent().getParent().inRoot();
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (inShards(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(inShards(g) ? ",\n" : ",");
        }
    }

    /** The name rule of {@link Shard}: one path segment that resolves beside the index, nowhere else. */
    private static void checkName(String name) {
        if (name == null || name.length() > MAX_NAME || !name.matches("[A-Za-z0-9._-]+") || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("a shard's name must be 1 to " + MAX_NAME + " letters, digits, '.', '_'"
                    + " or '-' (a file beside the index), not . or ..; got: " + abbreviated(name));
        }
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
