package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locations of a registered scheme are read through its opener, the others as before. */
class ShardOpenerTest {
    @Test
    void aRegisteredSchemeIsReadThroughItsOpenerAndFilesAsBefore(@TempDir Path root) throws IOException {
        ShardFixture fixture = new ShardFixture(root, 2, 5, new int[] {4, 6});
        List<String> opened = new ArrayList<>();
        String remote = "mem://bucket/" + fixture.shards.get(1).getFileName();
        ShardSource source = TarShards.of(fixture.locations().get(0), remote).opener("MEM", location -> {
            opened.add(location);
            return Files.newInputStream(fixture.shards.get(1));
        }).list();
        ShardSource files = TarShards.of(fixture.locations()).list();
        assertEquals(List.of(remote), opened);
        assertEquals(files.samples(0), source.samples(0));
        assertEquals(files.samples(1), source.samples(1));
        assertEquals(6, source.samples(1).size());
    }

    @Test
    void schemesReadByTarShardsItselfOrMalformedAreRefused() {
        TarShards shards = TarShards.of("a.tar");
        for (String scheme : List.of("http", "HTTPS", "file", "3s", "s 3", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> shards.opener(scheme, location -> null));
            assertTrue(e.getMessage().contains("scheme") && e.getMessage().contains(scheme), e.getMessage());
        }
    }
}
