package io.jdatagen.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Tar shards (WebDataset)" program, taken from README.md, compiled and run. */
class ReadmeProgramTest {
    @Test
    void theReadmesTarShardProgramCompilesAndReadsRankOnesTwoShards(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../../README.md"));
        int at = readme.indexOf("public class TarShardTraining ");
        assertTrue(at >= 0, "README.md holds the TarShardTraining program");
        int start = readme.lastIndexOf("```java\n", at) + "```java\n".length();
        Path source = dir.resolve("TarShardTraining.java");
        Files.writeString(source, readme.substring(start, readme.indexOf("\n```", at)));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
        // Run in its own JVM, as a user would, reading what it prints.
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(launcher.toString(), "--add-modules", "jdk.incubator.vector", "-cp",
                dir + File.pathSeparator + System.getProperty("java.class.path"), "TarShardTraining")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), printed);
        List<String> lines = printed.lines().toList();
        assertEquals("40 samples, classes [0, 1]", lines.get(0));
        // Rank 1 of 2 reads 2 of the 4 shards: 20 samples, 3 batches of 8, 8 and 4.
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("8 images, first shard-00000"), lines.get(1));
        assertTrue(lines.get(3).startsWith("4 images"), lines.get(3));
    }
}
