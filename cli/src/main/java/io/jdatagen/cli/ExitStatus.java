package io.jdatagen.cli;

/**
 * The tool's exit statuses, and their lines in each computing command's {@code --help} (picocli's
 * {@code exitCodeList} entries, {@code CODE:TEXT}).
 */
final class ExitStatus {
    /** Everything was done and every file read. */
    static final int OK = 0;
    /** Bad input, named in one line, or unreadable image files skipped, each named on stderr. */
    static final int FAILED = 1;
    /** A usage error: an unknown option or an option value out of range, named in one line. */
    static final int USAGE = 2;

    /** The heading of the exit status list in {@code --help}. */
    static final String HEADING = "%nExit status:%n";
    /** The help line of {@link #OK}. */
    static final String OK_HELP = " 0:done, every image file read";
    /** The help line of {@link #FAILED}. */
    static final String FAILED_HELP = " 1:bad input (a missing folder, an invalid config), or unreadable image files"
            + " were skipped: each is named on stderr with the reason, then their count";
    /** The help line of {@link #USAGE}. */
    static final String USAGE_HELP = " 2:an unknown option or a bad option value";

    private ExitStatus() {
    }
}
