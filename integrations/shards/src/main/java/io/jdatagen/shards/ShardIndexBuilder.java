package io.jdatagen.shards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link ShardIndex} of shards that were written without one (by Python's {@code webdataset} or
 * {@code tarp}, or by {@code tar}): each shard read through once, as a flow without an index lists it, and
 * indexed as {@link ShardWriter} indexes what it writes, so that the same shards give the same index bytes.
 */
final class ShardIndexBuilder {
    private ShardIndexBuilder() {
    }

    /**
     * {@return the index of the shards at {@code locations}, in that order, with the labels that their
     * {@code .cls}, {@code .txt} or {@code .json} members give ({@code jsonField} the {@code .json} field);
     * a sample with none is indexed without a label}
     *
     * @throws IllegalArgumentException for shards in different folders or of the same file name, a shard
     *     whose size its store does not report, a file name the index cannot hold, or a sample it cannot
     *     (a key over 4,096 characters, an image suffix with upper-case letters, an unreadable label
     *     member): each naming the shard, and the sample's key
     * @throws java.io.UncheckedIOException naming the shard that cannot be read
     */
    static ShardIndex build(List<String> locations, TarShardSource.Opener opener, String jsonField) {
        checkNames(locations);
        SampleLabels labels = new SampleLabels(null, jsonField);
        List<ShardIndex.Shard> shards = new ArrayList<>(locations.size());
        for (String location : locations) {
            List<ShardIndex.Sample> samples = new ArrayList<>();
            long size = TarShardSource.walk(location, opener, labels, g -> samples.add(sample(g, location, labels)));
            if (size < 0) {
                throw new IllegalArgumentException("tar shard " + location + " cannot be indexed: its store did not"
                        + " report its size, which the index holds (an HTTP server must send Content-Length)");
            }
            shards.add(new ShardIndex.Shard(TarShardSource.baseName(location), size, samples));
        }
        return new ShardIndex(shards, jsonField);
    }

    /**
     * Checks, before any shard is read, that the index can name every shard: all in one folder (the index
     * names each by its file name, beside itself), with distinct names that the index allows.
     */
    private static void checkNames(List<String> locations) {
        Map<String, String> byName = new HashMap<>();
        String folder = folderOf(locations.get(0));
        for (String location : locations) {
            String other = folderOf(location);
            if (!other.equals(folder)) {
                throw new IllegalArgumentException("tar shards to index must be in one folder, since the index names"
                        + " each by its file name beside it; " + locations.get(0) + " is in " + folder + ", "
                        + location + " in " + other);
            }
            String name = TarShardSource.baseName(location);
            String before = byName.put(name, location);
            if (before != null) {
                throw new IllegalArgumentException("tar shards to index must have distinct file names; " + before
                        + " and " + location + " are both " + name);
            }
            try {
                new ShardIndex.Shard(name, 0, List.of());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tar shard " + location + " cannot be indexed: " + e.getMessage(), e);
            }
        }
    }

    /** {@return the folder of a path (absolute) or of an address (up to its last {@code /})} */
    static String folderOf(String location) {
        if (!location.contains("://")) {
            Path parent = Path.of(location).toAbsolutePath().normalize().getParent();
            return parent == null ? "" : parent.toString();
        }
        int query = location.indexOf('?');
        String path = query < 0 ? location : location.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** {@return group {@code g} of shard {@code location} as an index entry, or a failure naming both} */
    private static ShardIndex.Sample sample(MemberGroups.Group g, String location, SampleLabels labels) {
        String image = g.imageSuffix();
        String member = g.names().get(image);
        if (!member.equals(g.key() + "." + image)) {
            throw new IllegalArgumentException("sample " + g.key() + " of tar shard " + location + " cannot be"
                    + " indexed: its image member " + member + " has upper-case letters in its suffix, which the"
                    + " index holds lower-cased; rename the member or read the shards without an index");
        }
        String label = labels.of(g, location);
        try {
            return new ShardIndex.Sample(g.key(), image, label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sample " + abbreviated(g.key()) + " of tar shard " + location
                    + " cannot be indexed: " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80) + "...";
    }
}
