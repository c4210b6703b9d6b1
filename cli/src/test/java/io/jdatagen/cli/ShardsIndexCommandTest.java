package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.flow.ShardSource;
import io.jdatagen.io.TestImages;
import io.jdatagen.shards.ShardIndex;
import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code jdatagen shards index}: the index of shards written without one, end to end. */
class ShardsIndexCommandTest {
    private static byte[] png(int height, int width) {
        return TestImages.encode(TestImages.toBuffered(TestImages.gradient(height, width, 3)), "png");
    }

    /**
     * A shard as a plain tar writer leaves it: each sample's {@code .json} (label in {@code species}) before its
     * image, keys under {@code train/}.
     */
    private static Path thirdParty(Path file, String... keyAndSpecies) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = 0; i < keyAndSpecies.length; i += 2) {
                String json = keyAndSpecies[i + 1] == null ? "{\"id\": " + i + "}"
                        : "{\"species\": \"" + keyAndSpecies[i + 1] + "\"}";
                add(tar, "train/" + keyAndSpecies[i] + ".json", json.getBytes(StandardCharsets.UTF_8));
                add(tar, "train/" + keyAndSpecies[i] + ".png", png(8 + i, 10));
            }
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    @Test
    void theIndexOfAugmentsShardsIsTheIndexAugmentWrote(@TempDir Path root) throws IOException {
        Path in = root.resolve("in");
        TestImages.write(in.resolve("top.png"), png(20, 30));
        TestImages.write(in.resolve("cats/a.png"), png(16, 24));
        TestImages.write(in.resolve("dogs/c.png"), png(30, 20));
        Path out = root.resolve("out");
        CliRun augment = CliRun.of("augment", in.toString(), out.toString(), "--copies", "2", "--shard-size", "4KiB");
        assertEquals(0, augment.status(), augment.err());
        Path index = out.resolve(ShardIndex.FILE_NAME);
        byte[] written = Files.readAllBytes(index);
        Files.delete(index);
        List<Path> tars;
        try (Stream<Path> files = Files.list(out)) {
            tars = files.sorted().toList();
        }
        assertTrue(tars.size() > 1, "several shards: " + tars);
        long bytes = 0;
        for (Path t : tars) {
            bytes += Files.size(t);
        }
        String pattern = out.resolve(String.format(Locale.ROOT, "shard-{000000..%06d}.tar", tars.size() - 1)).toString();

        // The top folder's copies have no label: refused unless --unlabelled, naming the sample and the way out.
        CliRun refused = CliRun.of("shards", "index", pattern);
        assertEquals(ExitStatus.FAILED, refused.status(), refused.err());
        assertTrue(refused.err().contains("sample top_1 of shard shard-000000.tar has no label")
                && refused.err().contains("--json-label") && refused.err().contains("--unlabelled"), refused.err());
        assertFalse(Files.exists(index), "nothing written");

        CliRun r = CliRun.of("shards", "index", "--unlabelled", pattern);
        assertEquals(0, r.status(), r.err());
        assertEquals("Indexed " + tars.size() + " shards, 6 samples, " + bytes + " bytes: " + index + "\n",
                r.out().replace(System.lineSeparator(), "\n"));
        assertArrayEquals(written, Files.readAllBytes(index));
    }

    @Test
    void thirdPartyShardsWithJsonLabelsGetAnIndexTheFlowReads(@TempDir Path root) throws IOException {
        Path a = thirdParty(root.resolve("data/part-0.tar"), "x1", "cat", "x2", "dog");
        Path b = thirdParty(root.resolve("data/part-1.tar"), "x3", "dog");
        CliRun r = CliRun.of("shards", "index", "--json-label", "species", a.toString(), b.toString());
        assertEquals(0, r.status(), r.err());
        Path index = root.resolve("data").resolve(ShardIndex.FILE_NAME);
        assertTrue(r.out().contains("Indexed 2 shards, 3 samples, " + (Files.size(a) + Files.size(b)) + " bytes: "
                + index), r.out());
        ShardSource indexed = TarShards.indexed(index.toString()).jsonLabel("species").list();
        ShardSource listed = TarShards.of(a.toString(), b.toString()).jsonLabel("species").list();
        assertEquals(listed.samples(0), indexed.samples(0));
        assertEquals(listed.samples(1), indexed.samples(1));
        assertEquals(List.of("cat", "dog"), indexed.samples(0).stream().map(ShardSource.Member::label).toList());

        // Without the field, no sample has a label: refused, naming the first.
        Path other = root.resolve("other.json");
        CliRun noField = CliRun.of("shards", "index", "--out", other.toString(), a.toString());
        assertEquals(ExitStatus.FAILED, noField.status(), noField.err());
        assertTrue(noField.err().contains("sample train/x1 of shard part-0.tar has no label"), noField.err());
        assertFalse(Files.exists(other));
    }

    @Test
    void anExistingIndexIsReplacedOnlyWithForce(@TempDir Path root) throws IOException {
        Path a = thirdParty(root.resolve("part-0.tar"), "x1", "cat");
        Path out = Files.writeString(root.resolve("mine.json"), "keep me");
        CliRun r = CliRun.of("shards", "index", "--json-label", "species", "--out", out.toString(), a.toString());
        assertEquals(ExitStatus.USAGE, r.status(), r.err());
        assertTrue(r.err().contains("--out " + out + " exists") && r.err().contains("--force"), r.err());
        assertEquals("keep me", Files.readString(out));
        CliRun forced = CliRun.of("shards", "index", "--json-label", "species", "--out", out.toString(), "--force",
                a.toString());
        assertEquals(0, forced.status(), forced.err());
        assertArrayEquals(TarShards.of(a.toString()).jsonLabel("species").buildIndex().toJson(),
                Files.readAllBytes(out));
    }

    @Test
    void shardsInTwoFoldersOrUnreadableAreBadInputNamed(@TempDir Path root) throws IOException {
        Path a = thirdParty(root.resolve("one/part-0.tar"), "x1", "cat");
        Path b = thirdParty(root.resolve("two/part-1.tar"), "x2", "cat");
        CliRun r = CliRun.of("shards", "index", "--json-label", "species", a.toString(), b.toString());
        assertEquals(ExitStatus.FAILED, r.status(), r.err());
        assertTrue(r.err().contains("one folder") && r.err().contains(b.toString()), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("shards index: tar shards to index must be in one folder"), r.err());
        Path missing = root.resolve("one/part-9.tar");
        CliRun unreadable = CliRun.of("shards", "index", "--json-label", "species", a.toString(), missing.toString());
        assertEquals(ExitStatus.FAILED, unreadable.status(), unreadable.err());
        assertTrue(unreadable.err().contains(missing.toString()), unreadable.err());
        assertFalse(Files.exists(root.resolve("one").resolve(ShardIndex.FILE_NAME)));
    }

    @Test
    void usageErrorsNameTheOptionAndExit2(@TempDir Path root) throws IOException {
        Path a = thirdParty(root.resolve("part-0.tar"), "x1", "cat");
        CliRun pattern = CliRun.of("shards", "index", root.resolve("part-{3..1}.tar").toString());
        assertEquals(ExitStatus.USAGE, pattern.status(), pattern.err());
        assertTrue(pattern.err().contains("SHARD") && pattern.err().contains("{3..1}"), pattern.err());
        CliRun noValue = CliRun.of("shards", "index", a.toString(), "--json-label");
        assertEquals(ExitStatus.USAGE, noValue.status(), noValue.err());
        assertTrue(noValue.err().contains("--json-label"), noValue.err());
        CliRun blank = CliRun.of("shards", "index", "--json-label", " ", a.toString());
        assertEquals(ExitStatus.USAGE, blank.status(), blank.err());
        assertTrue(blank.err().contains("--json-label must name a field"), blank.err());
        CliRun none = CliRun.of("shards", "index");
        assertEquals(ExitStatus.USAGE, none.status(), none.err());
        assertTrue(none.err().contains("SHARD"), none.err());
        CliRun address = CliRun.of("shards", "index", "http://127.0.0.1:9/part-0.tar");
        assertEquals(ExitStatus.USAGE, address.status(), address.err());
        assertTrue(address.err().contains("--out is needed"), address.err());
        CliRun noCommand = CliRun.of("shards");
        assertEquals(ExitStatus.USAGE, noCommand.status(), noCommand.err());
        assertTrue(noCommand.err().contains("Missing command: index"), noCommand.err());
        assertFalse(Files.exists(root.resolve(ShardIndex.FILE_NAME)), "nothing written");
    }

    @Test
    void helpDescribesEveryOptionAndTheTopLevelListsTheCommand() {
        CliRun r = CliRun.of("shards", "index", "--help");
        assertEquals(0, r.status(), r.err());
        CommandLine index = Jdatagen.commandLine().getSubcommands().get("shards").getSubcommands().get("index");
        for (OptionSpec option : index.getCommandSpec().options()) {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " has a description");
            assertTrue(r.out().contains(option.longestName()), "help lists " + option.longestName());
        }
        assertTrue(r.out().contains("SHARD"), r.out());
        assertTrue(CliRun.of("--help").out().contains("shards"));
    }
}
