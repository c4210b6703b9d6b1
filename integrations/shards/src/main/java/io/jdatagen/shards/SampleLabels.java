package io.jdatagen.shards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a sample's label comes from, in this order: the user's mapping from key to label; a {@code .cls}
 * member, else a {@code .txt} member, holding a whole number (WebDataset's class-index convention); a
 * {@code .json} member's field (a whole number or a string). A sample with none of them has no label.
 */
final class SampleLabels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> mapping;
    private final String jsonField;

    SampleLabels(Map<String, String> mapping, String jsonField) {
        this.mapping = mapping;
        this.jsonField = jsonField;
    }

    /** {@return whether the label reader needs the member with {@code suffix}} */
    boolean reads(String suffix) {
        return mapping == null && (suffix.equals("cls") || suffix.equals("txt") || suffix.equals("json"));
    }

    /** {@return the label of an indexed sample: the mapping's when there is one, else the index's} */
    String of(ShardIndex.Sample sample) {
        return mapping != null ? mapping.get(sample.key()) : sample.label();
    }

    /**
     * Checks that an index whose labels come from the {@code .json} field {@code indexField} gives the
     * labels these rules would.
     *
     * @throws IllegalArgumentException when the labels come from the members and the field differs
     */
    void checkIndexed(String indexField, String indexLocation) {
        if (mapping == null && !jsonField.equals(indexField)) {
            throw new IllegalArgumentException("jsonLabel is " + jsonField + " but the shard index " + indexLocation
                    + " holds the labels of the .json field " + indexField + "; use jsonLabel(\"" + indexField
                    + "\"), a key-to-label map, or the shards without the index");
        }
    }

    /**
     * {@return the label of the sample {@code group} of shard {@code shard}, or null without one}
     *
     * @throws IllegalArgumentException naming the shard and member when a {@code .cls}/{@code .txt} member
     *     is not a whole number, or the {@code .json} member is not JSON or its field is neither a whole
     *     number nor a string
     */
    String of(MemberGroups.Group group, String shard) {
        if (mapping != null) {
            return mapping.get(group.key());
        }
        for (String suffix : new String[] {"cls", "txt"}) {
            byte[] bytes = group.members().get(suffix);
            if (bytes != null) {
                String text = new String(bytes, StandardCharsets.UTF_8).strip();
                if (!text.matches("0|[1-9][0-9]{0,8}")) {
                    throw new IllegalArgumentException("member " + group.names().get(suffix) + " of " + shard
                            + " must hold a class index (a whole number >= 0); got: " + abbreviated(text));
                }
                return text;
            }
        }
        byte[] json = group.members().get("json");
        if (json == null) {
            return null;
        }
        JsonNode value;
        try {
            value = JSON.readTree(json).get(jsonField);
        } catch (IOException e) {
            throw new IllegalArgumentException("member " + group.names().get("json") + " of " + shard
                    + " is not JSON: " + e.getMessage(), e);
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return Integer.toString(value.intValue());
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new IllegalArgumentException("field " + jsonField + " of " + group.names().get("json") + " in "
                + shard + " must be a class index (a whole number >= 0) or a class name; got: " + value);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
