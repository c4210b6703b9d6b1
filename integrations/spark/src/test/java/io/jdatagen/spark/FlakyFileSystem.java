package io.jdatagen.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code flaky:}, whose first stream created for a file named
 * {@link #failing} fails after 1,000 bytes: a task writing that file fails part-way, once.
 */
public final class FlakyFileSystem extends RawLocalFileSystem {
    /** The name of the file whose first write fails. */
    static volatile String failing = "";
    /** How many writes failed. */
    static final AtomicInteger FAILED = new AtomicInteger();

    @Override
    public URI getUri() {
        return URI.create("flaky:///");
    }

    @Override
    public String getScheme() {
        return "flaky";
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        return failingOnce(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        return failingOnce(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    private static FSDataOutputStream failingOnce(Path f, FSDataOutputStream out) throws IOException {
        if (f.getName().equals(failing) && FAILED.compareAndSet(0, 1)) {
            return new FSDataOutputStream(new FailAfter(out, 1000), null);
        }
        return out;
    }

    /** A stream that fails once {@code limit} bytes are written. */
    private static final class FailAfter extends FilterOutputStream {
        private long left;

        FailAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("injected failure part-way through the shard");
            }
            out.write(b, off, len);
            left -= len;
        }
    }
}
