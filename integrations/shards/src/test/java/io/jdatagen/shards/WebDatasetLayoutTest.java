package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebDataset's grouping and label rules on real tar files. */
class WebDatasetLayoutTest {
    @TempDir
    Path root;

    private Path tar(String name, Object... nameAndContent) throws IOException {
        return ShardFixture.plainTar(root.resolve(name), nameAndContent);
    }

    private static byte[] png(int seed) throws IOException {
        return ShardFixture.image(new SplittableRandom(seed), 5, 4, false);
    }

    @Test
    void keysAreThePathUpToTheBaseNamesFirstDotAndSuffixesAreLowerCased() {
        assertEquals("train/a.b/x", MemberGroups.keyOf("train/a.b/x.seg.PNG"));
        assertEquals("seg.png", MemberGroups.suffixOf("train/a.b/x.seg.PNG"));
        assertNull(MemberGroups.keyOf("train/README"));
        assertNull(MemberGroups.keyOf("train/.hidden"));
        assertTrue(MemberGroups.isImage("seg.png"));
        assertTrue(!MemberGroups.isImage("json"));
    }

    @Test
    void labelsComeFromClsTxtOrAJsonFieldAndSamplesWithoutAnImageAreLeftOut() throws IOException {
        Path shard = tar("s.tar",
                "train/a.jpeg", png(1), "train/a.cls", " 2\n",
                "train/b.txt", "1", "train/b.png", png(2),
                "train/c.json", "{\"label\": \"dog\", \"id\": 3}", "train/c.seg.png", png(3),
                "train/d.cls", "0", // no image: not a sample
                "train/e.json", "{\"id\": 5}", "train/e.png", png(4),
                "notes", "no dot: no sample");
        ShardSource source = TarShards.of(shard.toString()).list();
        assertEquals(List.of(new ShardSource.Member("s.tar/train/a.jpeg", "2"),
                new ShardSource.Member("s.tar/train/b.png", "1"),
                new ShardSource.Member("s.tar/train/c.seg.png", "dog"),
                new ShardSource.Member("s.tar/train/e.png", null)), source.samples(0));
        ShardSource byId = TarShards.of(shard.toString()).jsonLabel("id").list();
        assertEquals("3", byId.samples(0).get(2).label());
        ShardSource mapped = TarShards.of(shard.toString()).labels(Map.of("train/a", "cat", "train/e", "dog"))
                .list();
        assertEquals(java.util.Arrays.asList("cat", null, null, "dog"),
                mapped.samples(0).stream().map(ShardSource.Member::label).toList());
        try (ShardSource.Reader reader = source.open(0)) {
            assertTrue(java.util.Arrays.equals(png(1), reader.next()));
            assertTrue(java.util.Arrays.equals(png(2), reader.next()));
            assertTrue(java.util.Arrays.equals(png(3), reader.next()));
            assertTrue(java.util.Arrays.equals(png(4), reader.next()));
            assertNull(reader.next());
        }
    }

    @Test
    void aClsMemberThatIsNotAClassIndexIsRefusedNamingIt() throws IOException {
        Path shard = tar("bad.tar", "x.png", png(1), "x.cls", "cat");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TarShards.of(shard.toString()).list());
        assertTrue(e.getMessage().contains("x.cls") && e.getMessage().contains("cat"), e.getMessage());
    }

    @Test
    void aShardChangedSinceItWasListedIsRefusedWhenRead() throws IOException {
        Path shard = tar("s.tar", "x.png", png(1), "y.png", png(2));
        ShardSource source = TarShards.of(shard.toString()).list();
        tar("s.tar", "y.png", png(2), "x.png", png(1));
        try (ShardSource.Reader reader = source.open(0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, reader::next);
            assertTrue(e.getMessage().contains("changed"), e.getMessage());
        }
    }

    @Test
    void braceRangesExpandToPaddedNames() {
        assertEquals(List.of("s3/shard-000008.tar", "s3/shard-000009.tar", "s3/shard-000010.tar"),
                TarShards.expand("s3/shard-{000008..000010}.tar"));
        assertEquals(List.of("one.tar"), TarShards.expand("one.tar"));
        assertThrows(IllegalArgumentException.class, () -> TarShards.expand("shard-{3..1}.tar"));
        assertThrows(IllegalArgumentException.class, () -> TarShards.expand("shard-{a..b}.tar"));
    }
}
