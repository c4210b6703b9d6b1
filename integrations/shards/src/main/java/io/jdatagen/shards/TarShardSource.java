package io.jdatagen.shards;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * WebDataset tar shards as a {@link ShardSource}: listed once when made (each shard read through, its
 * label members read and its image members skipped), then opened as often as the flow needs. A sample
 * is a group of members with an image member (the first one, when there are several); groups without
 * an image are left out, when listed and when read alike.
 */
final class TarShardSource implements ShardSource {
    private final List<String> locations;
    private final ShardOpener opener;
    private final List<List<Member>> samples = new ArrayList<>();
    private final List<List<String>> keys = new ArrayList<>();

    /**
     * Lists every shard.
     *
     * @throws UncheckedIOException naming the shard that cannot be read
     * @throws IllegalArgumentException naming the shard and member whose label cannot be read
     */
    TarShardSource(List<String> locations, ShardOpener opener, SampleLabels labels) {
        this.locations = List.copyOf(locations);
        this.opener = opener;
        for (String location : this.locations) {
            List<Member> members = new ArrayList<>();
            List<String> shardKeys = new ArrayList<>();
            String base = baseName(location);
            try (MemberGroups groups = new MemberGroups(opener.open(location), labels::reads)) {
                MemberGroups.Group g;
                while ((g = groups.next()) != null) {
                    String image = g.imageSuffix();
                    if (image != null) {
                        members.add(new Member(base + "/" + g.names().get(image), labels.of(g, location)));
                        shardKeys.add(g.key());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list tar shard " + location + ": " + e.getMessage(), e);
            }
            samples.add(List.copyOf(members));
            keys.add(List.copyOf(shardKeys));
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

    @Override
    public Reader open(int shard) throws IOException {
        String location = locations.get(shard);
        List<String> expected = keys.get(shard);
        MemberGroups groups = new MemberGroups(opener.open(location), MemberGroups::isImage);
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
                if (next >= expected.size() || !expected.get(next).equals(g.key())) {
                    throw new IllegalStateException("tar shard " + location + " changed since it was listed: its"
                            + " sample " + next + " is " + g.key() + ", listed as "
                            + (next < expected.size() ? expected.get(next) : "(none)"));
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
}
