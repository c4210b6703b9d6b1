package io.jdatagen.cli;

import io.jdatagen.io.ImageFileReader;
import io.jdatagen.io.ImageReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule every command follows for image files it cannot read (damaged, not an image, over the
 * pixel limit, no permission): the file is skipped and the command goes on; at the end each skipped
 * file is named on stderr with the reason, in the order the command met them, then their count, and
 * the exit status is {@link ExitStatus#FAILED} when anything was skipped. Thread-safe.
 */
final class UnreadableFiles {
    private final String command;
    private final List<String> problems = new ArrayList<>();

    /**
     * Starts an empty record.
     *
     * @param command the command's name, the prefix of every line reported
     */
    UnreadableFiles(String command) {
        this.command = command;
    }

    /** Records the file {@code e} names, with its reason (the exception's message names both). */
    synchronized void skip(ImageReadException e) {
        problems.add(e.getMessage());
    }

    /**
     * Records the files a flow's skip policy left out at scan time ({@code FileFlow.skippedFiles()},
     * which keeps no reason), each with the reason {@code reader} gives on reading it again, or a
     * note that it could not be read during the scan if it reads now.
     *
     * @param files the files left out, in the flow's order
     * @param reader a reader with the flow's settings
     */
    void skipAll(List<Path> files, ImageFileReader reader) {
        for (Path file : files) {
            try {
                reader.load(file);
                skip(new ImageReadException(file, "it could not be read when the folder was scanned", null));
            } catch (ImageReadException e) {
                skip(e);
            }
        }
    }

    /** {@return how many files were skipped so far} */
    synchronized int count() {
        return problems.size();
    }

    /**
     * Prints one {@code COMMAND: skipped: cannot read image file FILE: REASON} line per skipped file
     * and a last line with their count to {@code err}; prints nothing when none was skipped.
     *
     * @return {@link ExitStatus#FAILED} if a file was skipped, else {@link ExitStatus#OK}
     */
    synchronized int report(PrintWriter err) {
        if (problems.isEmpty()) {
            return ExitStatus.OK;
        }
        for (String problem : problems) {
            err.println(command + ": skipped: " + problem);
        }
        err.println(command + ": skipped " + problems.size() + " unreadable file(s)");
        err.flush();
        return ExitStatus.FAILED;
    }
}
