package io.jdatagen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opencv codec's unavailability names exactly the artifacts that are missing. */
class OpencvArtifactsTest {
    @Test
    void platformsUseJavacppNames() {
        assertEquals("linux-x86_64", OpencvArtifacts.platform("Linux", "amd64"));
        assertEquals("macosx-arm64", OpencvArtifacts.platform("Mac OS X", "aarch64"));
        assertEquals("windows-x86_64", OpencvArtifacts.platform("Windows 11", "amd64"));
        assertEquals("linux-arm64", OpencvArtifacts.platform("Linux", "aarch64"));
    }

    @Test
    void anEmptyClassPathMissesAllSix() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        List<String> missing = OpencvArtifacts.missing(empty, "linux-x86_64");
        assertEquals(List.of("org.bytedeco:opencv:4.13.0-1.5.13", "org.bytedeco:opencv:4.13.0-1.5.13:linux-x86_64",
                "org.bytedeco:openblas:0.3.31-1.5.13", "org.bytedeco:openblas:0.3.31-1.5.13:linux-x86_64",
                "org.bytedeco:javacpp:1.5.13", "org.bytedeco:javacpp:1.5.13:linux-x86_64"), missing);
    }

    @Test
    void olderOpencvOrJavacppFromAnotherLibraryIsAConflict(@TempDir Path dir) throws IOException {
        for (String[] artifact : new String[][] {{"opencv", "4.5.5-1.5.7"}, {"javacpp", "1.5.7"}}) {
            Path props = Files.createDirectories(dir.resolve("META-INF/maven/org.bytedeco/" + artifact[0]))
                    .resolve("pom.properties");
            Files.writeString(props, "groupId=org.bytedeco\nartifactId=" + artifact[0] + "\nversion=" + artifact[1] + "\n");
        }
        ClassLoader older = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        assertEquals("the class path holds org.bytedeco:opencv:4.5.5-1.5.7 and org.bytedeco:javacpp:1.5.7 (brought by"
                + " another library?), but the codec needs 4.13.0-1.5.13 and 1.5.13", OpencvArtifacts.versionConflict(older));
        assertNull(OpencvArtifacts.versionConflict(OpencvArtifactsTest.class.getClassLoader()));
    }

    @Test
    void theTestClassPathHasTheLinuxArtifactsButNotAnotherPlatformsNatives() {
        ClassLoader here = OpencvArtifactsTest.class.getClassLoader();
        String platform = OpencvArtifacts.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertEquals(List.of(), OpencvArtifacts.missing(here, platform));
        List<String> other = OpencvArtifacts.missing(here, "plan9-mips");
        assertTrue(other.contains("org.bytedeco:openblas:0.3.31-1.5.13:plan9-mips"), other.toString());
        assertEquals(3, other.size(), other.toString());
    }
}
