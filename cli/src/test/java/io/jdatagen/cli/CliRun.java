package io.jdatagen.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import picocli.CommandLine;

/**
 * One in-process run of the command-line tool, as the launcher would run it, with what it printed.
 *
 * @param status the exit status {@code jdatagen} would return
 * @param out everything written to standard output
 * @param err everything written to standard error
 */
record CliRun(int status, String out, String err) {
    /** Runs {@code jdatagen args...} with fresh output and error writers. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Jdatagen.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The non-blank lines written to standard error. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Reads an image the tool wrote, failing the test when it is not a readable image. */
    static BufferedImage read(Path image) throws IOException {
        BufferedImage img = ImageIO.read(image.toFile());
        assertTrue(img != null, "readable image " + image);
        return img;
    }
}
