package io.jdatagen.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file system of an output path, writing no checksum side files: Hadoop's local file system writes a
 * hidden {@code .name.crc} beside every file (and costs a round of its own per file), so it is replaced by
 * its raw file system; other file systems are asked not to write checksums ({@code setWriteChecksum(false)},
 * which HDFS and the object-store connectors ignore, keeping their own integrity checks).
 */
final class RawFiles {
    private RawFiles() {
    }

    /** {@return the file system of {@code path}, without checksum side files} */
    static FileSystem of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            return local.getRawFileSystem();
        }
        fs.setWriteChecksum(false);
        return fs;
    }
}
