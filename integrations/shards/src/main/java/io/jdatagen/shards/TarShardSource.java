package io.jdatagen.shards;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * WebDataset tar shards as a {@link ShardSource}: their samples known when made, either by listing every
 * shard (each read through, its label members read and its image members skipped) or from a
 * {@link ShardIndex} without opening a shard; then opened as often as the flow needs. A sample is a group
 * of members with an image member (the first one, when there are several); groups without an image are
 * left out, when listed and when read alike. Each read checks the shard against what was listed or
 * indexed: the sample names and labels in order, and with an index the shard's size where the store
 * reports one; a difference fails naming the shard (and the index), so that a changed shard never gives
 * other batches silently. When every shard is a file on a local disk, the source reads samples in any
 * order ({@link #openSamples}): each shard's tar headers are read once (and again when its size or
 * modification time changes), checked in the same way, and each image is then one positioned read.
 */
final class TarShardSource implements ShardSource {
    private final List<String> locations;
    private final Opener opener;
    private final SampleLabels labels;
    private final List<List<Member>> samples = new ArrayList<>();
    private final long[] sizes;
    private final String index;
    /** Each shard's file when every shard is a local file read in any order; null otherwise. */
    private final List<Path> files;
    private final ImagePlaces[] places;

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
    TarShardSource(List<String> locations, Opener opener, Function<String, Path> localFile, SampleLabels labels) {
        this.locations = List.copyOf(locations);
        this.opener = opener;
        this.labels = labels;
        this.sizes = new long[this.locations.size()];
        this.index = null;
        this.files = files(this.locations, localFile);
        this.places = new ImagePlaces[this.locations.size()];
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
    TarShardSource(List<String> locations, Opener opener, Function<String, Path> localFile, SampleLabels labels,
            ShardIndex shardIndex, String indexLocation) {
        this.locations = List.copyOf(locations);
        this.opener = opener;
        this.labels = labels;
        this.sizes = new long[this.locations.size()];
        this.index = Objects.requireNonNull(indexLocation, "indexLocation");
        this.files = files(this.locations, localFile);
        this.places = new ImagePlaces[this.locations.size()];
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

    /** {@return each location's local file, or null unless every location is one} */
    private static List<Path> files(List<String> locations, Function<String, Path> localFile) {
        List<Path> out = new ArrayList<>(locations.size());
        for (String location : locations) {
            Path file = localFile.apply(location);
            if (file == null) {
                return null;
            }
            out.add(file);
        }
        return List.copyOf(out);
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
        Opened opened = opener.open(locations.get(shard));
        if (opened.size() >= 0) {
            try {
                checkSize(shard, opened.size());
            } catch (IllegalStateException e) {
                opened.stream().close();
                throw e;
            }
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
                check(shard, next++, g);
                return g.members().get(g.imageSuffix());
            }

            @Override
            public void close() throws IOException {
                groups.close();
            }
        };
    }

    /**
     * Checks that group {@code g}, read as sample {@code next} of shard {@code shard}, is the sample listed.
     *
     * @throws IllegalStateException naming the shard (and the index) when it is not
     */
    private void check(int shard, int next, MemberGroups.Group g) {
        String location = locations.get(shard);
        List<Member> expected = samples.get(shard);
        Member read = member(baseName(location), g, location);
        Member listed = next < expected.size() ? expected.get(next) : null;
        if (!read.equals(listed)) {
            throw new IllegalStateException(mismatch(location) + " its sample " + next + " is " + describe(read)
                    + ", " + (index == null ? "listed as " : "the index holds ")
                    + (listed == null ? "(none)" : describe(listed)));
        }
    }

    /** Checks that shard {@code shard}, of {@code size} bytes, has the size its index holds, if any. */
    private void checkSize(int shard, long size) {
        if (index != null && size != sizes[shard]) {
            throw new IllegalStateException(mismatch(locations.get(shard)) + " it has " + size + " bytes, the index "
                    + sizes[shard]);
        }
    }

    @Override
    public boolean readsInAnyOrder() {
        return files != null;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException naming the shard (and the index) when its samples are not those listed
     *     or indexed, or it has another size than the index holds
     * @throws UnsupportedOperationException unless every shard is a local file read in any order
     */
    @Override
    public SampleReader openSamples(int shard) throws IOException {
        if (files == null) {
            throw new UnsupportedOperationException("only local tar shards are read in any order");
        }
        String location = locations.get(shard);
        FileChannel channel = FileChannel.open(files.get(shard), StandardOpenOption.READ);
        try {
            ImagePlaces placed = places(shard, channel.size());
            return new SampleReader() {
                @Override
                public byte[] read(int sample) throws IOException {
                    return placed.read(channel, sample);
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot read the headers of tar shard " + location + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * {@return the places of shard {@code shard}'s images in its file of {@code size} bytes, read again when
     * the file's size or modification time changed since they were read}
     */
    private synchronized ImagePlaces places(int shard, long size) throws IOException {
        String location = locations.get(shard);
        checkSize(shard, size);
        Path file = files.get(shard);
        ImagePlaces known = places[shard];
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        if (known == null || !known.matches(now)) {
            known = ImagePlaces.read(file, now, location, labels::reads, (next, g) -> check(shard, next, g));
            if (known.count() != samples.get(shard).size()) {
                throw new IllegalStateException(mismatch(location) + " it holds " + known.count() + " samples, "
                        + (index == null ? "listed " : "the index ") + samples.get(shard).size());
            }
            places[shard] = known;
        }
        return known;
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
