package io.jdatagen.cli;

import io.jdatagen.io.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jdatagen} command-line tool: {@code demo}, {@code preview}, {@code augment},
 * {@code shards index} and {@code backends}. Bad input (a missing folder, an invalid config) ends with one line naming it
 * and exit status 1; a usage error prints one line and a hint to {@code --help} and exits with 2
 * ({@link UsageErrors}).
 */
@Command(name = "jdatagen", mixinStandardHelpOptions = true, versionProvider = Jdatagen.Version.class,
        description = "Real-time image augmentation and data loading for the JVM, with Keras's"
                + " ImageDataGenerator semantics.",
        subcommands = {DemoCommand.class, PreviewCommand.class, AugmentCommand.class, ShardsCommand.class,
                BackendsCommand.class, CommandLine.HelpCommand.class})
public final class Jdatagen implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Creates the top-level command (picocli fills its options). */
    public Jdatagen() {
        // Options are injected by picocli.
    }

    /**
     * Runs the tool and exits with its status.
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@return the tool's command line, with jdatagen's error handling; {@code execute(args)} runs it} */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Jdatagen());
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable problem = userProblem(e);
            if (problem == null) {
                throw e;
            }
            commandLine.getErr().println(commandName(commandLine) + ": " + problem.getMessage());
            return ExitStatus.FAILED;
        });
        return cl;
    }

    /** {@return the command's names below the tool's, such as {@code augment} or {@code shards index}} */
    static String commandName(CommandLine commandLine) {
        String qualified = commandLine.getCommandSpec().qualifiedName();
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    /**
     * The exception in {@code e}'s cause chain that describes bad input (an unreadable file, an
     * invalid option or config, an I/O failure), printed as one line without a stack trace; null
     * for anything else (a bug, whose stack trace is wanted).
     */
    static Throwable userProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImageReadException || t instanceof IllegalArgumentException
                    || t instanceof UncheckedIOException || t instanceof IOException) {
                return t;
            }
        }
        return null;
    }

    /** Without a command: prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: one of demo, preview, augment, shards, backends.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Jdatagen.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"jdatagen " + p.getProperty("version", "(unknown version)"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
