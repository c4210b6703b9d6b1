package io.jdatagen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jdatagen shards}: the commands on WebDataset tar shards ({@code index}). */
@Command(name = "shards", mixinStandardHelpOptions = true,
        description = "Commands on WebDataset tar shards.",
        subcommands = {ShardsIndexCommand.class})
final class ShardsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a command: prints the usage and fails as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: index.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitStatus.USAGE;
    }
}
