package io.jdatagen.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.Flows;
import io.jdatagen.flow.ShardSource;
import io.jdatagen.shards.TarShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegShardsTest {
    @Test
    void shardsHoldEveryFileOnceWithItsBytesAndItsClassFolderIndex(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("folder");
        JpegFolder.write(folder, 6);
        List<Path> written = JpegShards.write(folder, dir.resolve("shards"), 150_000);
        List<String> listed = JpegShards.list(dir.resolve("shards"));
        assertEquals(written.stream().map(Path::toString).toList(), listed);
        assertTrue(listed.size() > 1, "a 150 KB target splits six ~70 KB JPEGs: " + listed);

        ShardSource source = TarShards.of(listed).list();
        List<String> names = new ArrayList<>();
        for (int s = 0; s < listed.size(); s++) {
            try (ShardSource.Reader reader = source.open(s)) {
                for (ShardSource.Member m : source.samples(s)) {
                    // The sample's name is the shard's file name, a slash and the image member's name.
                    String shard = Path.of(listed.get(s)).getFileName() + "/";
                    assertTrue(m.name().startsWith(shard), m.name());
                    String member = m.name().substring(shard.length());
                    assertArrayEquals(Files.readAllBytes(folder.resolve(member)), reader.next(), member);
                    assertEquals(member.startsWith("cats/") ? "0" : "1", m.label(), member);
                    names.add(member);
                }
                assertNull(reader.next());
            }
        }
        List<String> files = Flows.imageFiles(folder).stream().map(p -> folder.relativize(p).toString()).toList();
        assertEquals(files.stream().sorted().toList(), names.stream().sorted().toList());
        assertTrue(!names.equals(files), "written in a shuffled order: " + names);
    }
}
