package io.jdatagen.bench;

import io.jdatagen.flow.Flows;
import io.jdatagen.shards.ShardWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The JPEG folder of the end-to-end runs ({@link JpegFolder}) as WebDataset tar shards: each file's
 * original bytes as {@code <class>/<name>.jpg} with its class index (the class folder's position in name
 * order, as {@code flowFromDirectory} numbers them) as {@code <class>/<name>.cls}. The samples are written
 * in a fixed shuffled order, as WebDataset advises, so that a shard holds both classes.
 */
final class JpegShards {
    private JpegShards() {
    }

    /**
     * Writes the images under {@code folder} into shards of about {@code targetBytes} in {@code shards}.
     *
     * @return the shards written, in order
     */
    static List<Path> write(Path folder, Path shards, long targetBytes) throws IOException {
        List<Path> files = new ArrayList<>(Flows.imageFiles(folder));
        Collections.shuffle(files, new Random(7));
        List<String> classes = new ArrayList<>();
        for (Path f : Flows.imageFiles(folder)) {
            String name = folder.relativize(f).getName(0).toString();
            if (!classes.contains(name)) {
                classes.add(name);
            }
        }
        Collections.sort(classes);
        try (ShardWriter writer = new ShardWriter(shards, targetBytes)) {
            for (Path f : files) {
                Path relative = folder.relativize(f);
                String key = relative.toString().substring(0, relative.toString().lastIndexOf('.'));
                Map<String, byte[]> members = new LinkedHashMap<>();
                members.put("jpg", Files.readAllBytes(f));
                members.put("cls", Integer.toString(classes.indexOf(relative.getName(0).toString()))
                        .getBytes(StandardCharsets.US_ASCII));
                writer.write(key, members);
            }
            writer.close();
            return writer.shards();
        }
    }

    /** {@return the {@code .tar} files in {@code shards}, in name order} */
    static List<String> list(Path shards) throws IOException {
        try (var entries = Files.list(shards)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tar")).map(Path::toString).sorted()
                    .toList();
        }
    }
}
