package io.jdatagen.cli;

import io.jdatagen.shards.ShardIndex;
import io.jdatagen.shards.TarShards;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdatagen shards index}: writes the {@link ShardIndex} of shards that other tools wrote
 * ({@link TarShards#buildIndex}), so that flows over them read the index instead of every shard. Unless
 * {@code --unlabelled} is given, every sample must have a label: a sample without one usually means the
 * wrong {@code --json-label}, and the class modes that use labels would refuse the index.
 */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the index (shards.json) of WebDataset tar shards written by other tools"
                + " (Python's webdataset or tarp, tar), reading each shard through once: each shard's name, size,"
                + " and samples in tar order with their keys, image suffixes and labels.",
            "A flow made with TarShards.indexed(\".../shards.json\") then reads the index alone instead of every"
                + " shard; each shard is checked against the index when read.",
            "SHARD is a path or an http(s):// address, and may hold one range in WebDataset's brace notation:",
            "  data/shard-{000000..000009}.tar names ten shards.",
            "All shards must be in one folder, since the index names each by its file name beside itself.",
            "Labels come from a .cls or .txt member (a class index), else the --json-label field of a .json member."},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {" 0:done, the index written",
            " 1:bad input (a shard that cannot be read, a sample without a label or that the index cannot hold,"
                + " shards in different folders), named in one line",
            ExitStatus.USAGE_HELP})
final class ShardsIndexCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The shards, in the order their samples are"
            + " numbered.")
    private List<String> shards;

    @Option(names = "--json-label", paramLabel = "FIELD", defaultValue = "label",
            description = "The field of a .json member that holds the label (default: ${DEFAULT-VALUE}).")
    private String jsonLabel;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the index (default: shards.json beside the first shard, which must then"
                + " be a path). Flows find shards beside the index, so place it there.")
    private Path out;

    @Option(names = "--force", description = "Replace the index file if it exists.")
    private boolean force;

    @Option(names = "--unlabelled", description = "Index samples without a label too (for flows without"
            + " classes); otherwise a sample without one is an error naming its shard and key.")
    private boolean unlabelled;

    @Override
    public Integer call() throws IOException {
        List<String> locations = new ArrayList<>();
        for (String pattern : shards) {
            try {
                locations.addAll(TarShards.expand(pattern));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "SHARD: " + e.getMessage());
            }
        }
        if (jsonLabel.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--json-label must name a field; got: '" + jsonLabel
                    + "'");
        }
        Path file = out != null ? out : defaultOut(locations.get(0));
        if (!force && Files.exists(file)) {
            throw existing(file);
        }
        ShardIndex index = TarShards.of(locations).jsonLabel(jsonLabel).buildIndex();
        if (!unlabelled) {
            requireLabels(index);
        }
        write(file, index.toJson());
        long samples = index.shards().stream().mapToLong(s -> s.samples().size()).sum();
        long bytes = index.shards().stream().mapToLong(ShardIndex.Shard::bytes).sum();
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "Indexed %d shards, %d samples, %d bytes: %s",
                index.shards().size(), samples, bytes, file));
        spec.commandLine().getOut().flush();
        return ExitStatus.OK;
    }

    /** {@return {@code shards.json} beside {@code first}, a path; a usage error for an address} */
    private Path defaultOut(String first) {
        if (first.contains("://")) {
            throw new ParameterException(spec.commandLine(), "--out is needed for shards at addresses (the index is"
                    + " written to a file); got the shard " + first);
        }
        return Path.of(first).toAbsolutePath().resolveSibling(ShardIndex.FILE_NAME);
    }

    /** Fails naming the first sample without a label, its shard, and the ways out. */
    private void requireLabels(ShardIndex index) {
        for (ShardIndex.Shard s : index.shards()) {
            for (ShardIndex.Sample m : s.samples()) {
                if (m.label() == null) {
                    throw new IllegalArgumentException("sample " + m.key() + " of shard " + s.name() + " has no label"
                            + " (no .cls or .txt member, and no .json member with a field " + jsonLabel + "); name the"
                            + " field with --json-label, or give --unlabelled to index samples without labels");
                }
            }
        }
    }

    /** Writes the index, replacing a file only with {@code --force}. */
    private void write(Path file, byte[] json) throws IOException {
        try {
            if (force) {
                Files.write(file, json);
            } else {
                Files.write(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw existing(file);
        }
    }

    /** {@return the usage error for an index file that exists without {@code --force}} */
    private ParameterException existing(Path file) {
        return new ParameterException(spec.commandLine(), "--out " + file + " exists; give --force to replace it");
    }
}
