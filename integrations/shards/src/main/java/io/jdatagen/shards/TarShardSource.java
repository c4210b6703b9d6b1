package io.jdatagen.shards;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * WebDataset tar shards as a {@link ShardSource}: their samples known when made, either by listing every
 * shard (each read through, its label members read and its image members skipped) or from a
 * {@link ShardIndex} without opening a shard; then opened as often as the flow needs. A sample is a group
 * of members with an image member (the first one, when there are several); groups without an image are
 * left out, when listed and when read alike. Each read checks the shard against what was listed or
 * indexed: the sample names and labels in order, and with an index the shard's size where the store
 * reports one; a difference fails naming the shard (and the index), so that a changed shard never gives
 * other batches silently.
 */
final class TarShardSource implements ShardSource {
    private final List<String> locations;
    private final Opener opener;
    private final SampleLabels labels;
    private final List<List<Member>> samples = new ArrayList<>();
    private final long[] sizes;
    private final String index;

    /** Opens a shard's bytes from the start, with its size in bytes when the store reports one. */
    @FunctionalInterface
    interface Opener {
        Opened open(String location) throws IOException;
    }

    /**
     * A shard's bytes, and its size.
     *
     * @param size the shard's size in bytes as its store reports it, or -1 when unknown
     */
    record Opened(InputStream stream, long size) {
    }

    /**
     * Lists every shard.
     *
     * @throws UncheckedIOException naming the shard that cannot be read
     * @throws IllegalArgumentException naming the shard and member whose label cannot be read
     */
    TarShardSource(List<String> locations, Opener opener, SampleLabels labels) {
        this.locations = List.copyOf(locations);
        this.opener = opener;
        this.labels = labels;
        this.sizes = new long[this.locations.size()];
        this.index = null;
        for (int s = 0; s < this.locations.size(); s++) {
            String location = this.locations.get(s);
            List<Member> members = new ArrayList<>();
            String base = baseName(location);
            walk(location, opener, labels, g -> members.add(member(base, g, location)));
            samples.add(List.copyOf(members));
            sizes[s] = -1;
        }
    }

    /**
     * Reads shard {@code location} through once, in tar order, handing each group that has an image member to
     * {@code sample} with the members {@code labels} reads in memory (the listing of every flow without an
     * index, and of {@link TarShards#buildIndex}).
     *
     * @return the shard's size in bytes as its store reports it, or -1 when unknown
     * @throws UncheckedIOException naming the shard that cannot be read
     */
    static long walk(String location, Opener opener, SampleLabels labels, Consumer<MemberGroups.Group> sample) {
        try {
            Opened opened = opener.open(location);
            try (MemberGroups groups = new MemberGroups(opened.stream(), labels::reads)) {
                MemberGroups.Group g;
                while ((g = groups.next()) != null) {
                    if (g.imageSuffix() != null) {
                        sample.accept(g);
                    }
                }
            }
            return opened.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list tar shard " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the samples of {@code locations} from {@code shardIndex} (read from {@code indexLocation}),
     * matching each location's base name to an index entry, without opening a shard.
     *
     * @throws IllegalArgumentException naming the location that the index does not list, or when the labels
     *     are to come from another {@code .json} field than the index's
     */
    TarShardSource(List<String> locations, Opener opener, SampleLabels labels, ShardIndex shardIndex,
            String indexLocation) {
        this.locations = List.copyOf(locations);
        this.opener = opener;
        this.labels = labels;
        this.sizes = new long[this.locations.size()];
        this.index = Objects.requireNonNull(indexLocation, "indexLocation");
        labels.checkIndexed(shardIndex.jsonLabel(), indexLocation);
        Map<String, ShardIndex.Shard> byName = new HashMap<>();
        for (ShardIndex.Shard s : shardIndex.shards()) {
            byName.put(s.name(), s);
        }
        for (int s = 0; s < this.locations.size(); s++) {
            String location = this.locations.get(s);
            String base = baseName(location);
            ShardIndex.Shard entry = byName.get(base);
            if (entry == null) {
                throw new IllegalArgumentException("tar shard " + location + " is not in the shard index "
                        + indexLocation + " (it lists shards by file name; " + base + " is not one of them)");
            }
            List<Member> members = new ArrayList<>(entry.samples().size());
            for (ShardIndex.Sample m : entry.samples()) {
                members.add(new Member(base + "/" + m.key() + "." + m.image(), labels.of(m)));
            }
            samples.add(List.copyOf(members));
            sizes[s] = entry.bytes();
        }
    }

    /** The last part of a path or address, e.g. {@code shard-000001.tar}. */
    static String baseName(String location) {
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    @Override
    public List<String> shards() {
        return locations;
    }

    @Override
    public List<Member> samples(int shard) {
        return samples.get(shard);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException naming the shard and the index when the store reports another size
     *     than the index holds
     */
    @Override
    public Reader open(int shard) throws IOException {
        String location = locations.get(shard);
        List<Member> expected = samples.get(shard);
        String base = baseName(location);
        Opened opened = opener.open(location);
        if (index != null && opened.size() >= 0 && opened.size() != sizes[shard]) {
            opened.stream().close();
            throw new IllegalStateException(mismatch(location) + " it has " + opened.size() + " bytes, the index "
                    + sizes[shard]);
        }
        MemberGroups groups = new MemberGroups(opened.stream(), s -> MemberGroups.isImage(s) || labels.reads(s));
        return new Reader() {
            private int next;

            @Override
            public byte[] next() throws IOException {
                MemberGroups.Group g;
                do {
                    g = groups.next();
                    if (g == null) {
                        return null;
                    }
                } while (g.imageSuffix() == null);
                Member read = member(base, g, location);
                Member listed = next < expected.size() ? expected.get(next) : null;
                if (!read.equals(listed)) {
                    throw new IllegalStateException(mismatch(location) + " its sample " + next + " is "
                            + describe(read) + ", " + (index == null ? "listed as " : "the index holds ")
                            + (listed == null ? "(none)" : describe(listed)));
                }
                next++;
                return g.members().get(g.imageSuffix());
            }

            @Override
            public void close() throws IOException {
                groups.close();
            }
        };
    }

    /** {@return group {@code g} of shard {@code location} as a sample: its image member's name and its label} */
    private Member member(String base, MemberGroups.Group g, String location) {
        return new Member(base + "/" + g.names().get(g.imageSuffix()), labels.of(g, location));
    }

    private String mismatch(String location) {
        return index == null ? "tar shard " + location + " changed since it was listed:"
                : "tar shard " + location + " does not match the shard index " + index + ":";
    }

    private static String describe(Member m) {
        return m.name() + (m.label() == null ? " without a label" : " labelled " + m.label());
    }
}
