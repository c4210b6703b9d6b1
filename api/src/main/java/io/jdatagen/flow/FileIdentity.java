package io.jdatagen.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What identifies a source file's contents to the sample cache without reading it: its absolute path,
 * its size and its modification time in nanoseconds (as fine as the file system keeps it). An edit
 * that keeps both the size and the modification time is not seen.
 */
record FileIdentity(String path, long size, long modifiedNanos) {
    /**
     * {@return the identity of {@code file} now, or null when it cannot be read (the decoder then
     * reports the problem)}
     */
    static FileIdentity of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            return new FileIdentity(key(file), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** {@return the path the cache files {@code file} under: absolute and normalized, links not followed} */
    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
