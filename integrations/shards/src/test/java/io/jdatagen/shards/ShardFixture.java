package io.jdatagen.shards;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Real images (PNG and JPEG, random sizes and pixels) written twice: as class folders
 * ({@code folder/<class>/sNNNNN.ext}, so that {@code flowFromDirectory} lists sample {@code i} at index
 * {@code i}) and as WebDataset tar shards of consecutive samples ({@code sNNNNN.ext} with a
 * {@code sNNNNN.cls} member holding the class index).
 */
final class ShardFixture {
    final Path folder;
    final List<Path> shards = new ArrayList<>();
    final int samples;
    private final List<byte[]> images = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final int[] classes;

    /**
     * @param root where the folder and the shards are written
     * @param perShard samples per shard, the last shard taking the rest
     */
    ShardFixture(Path root, int classCount, int perClass, int[] perShard) throws IOException {
        folder = root.resolve("folder");
        samples = classCount * perClass;
        classes = new int[samples];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < samples; i++) {
            int c = i / perClass;
            classes[i] = c;
            boolean jpeg = i % 3 == 1;
            String name = String.format(Locale.ROOT, "s%05d.%s", i, jpeg ? "jpg" : "png");
            byte[] bytes = image(random, 16 + random.nextInt(24), 16 + random.nextInt(24), jpeg);
            Path file = folder.resolve("c" + c).resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            images.add(bytes);
            names.add(name);
        }
        int from = 0;
        for (int k = 0; k < perShard.length; k++) {
            int to = k == perShard.length - 1 ? samples : from + perShard[k];
            Path shard = root.resolve(String.format(Locale.ROOT, "shard-%06d.tar", k));
            writeShard(shard, from, to);
            shards.add(shard);
            from = to;
        }
    }

    /**
     * Writes a tar as a plain tar writer does: a {@code train/} directory entry, then the members in the
     * order given, as name and content pairs (a content is a byte array, or a string written as UTF-8).
     */
    static Path plainTar(Path file, Object... nameAndContent) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.putArchiveEntry(new TarArchiveEntry("train/"));
            tar.closeArchiveEntry();
            for (int i = 0; i < nameAndContent.length; i += 2) {
                Object c = nameAndContent[i + 1];
                byte[] bytes = c instanceof byte[] b ? b : ((String) c).getBytes(StandardCharsets.UTF_8);
                add(tar, (String) nameAndContent[i], bytes);
            }
        }
        return file;
    }

    /**
     * Writes {@code samples} random PNG and JPEG images with {@link ShardWriter} into {@code folder} as shards
     * of about {@code targetBytes}, sample {@code i} keyed {@code sNNNNN} with a {@code .cls} member holding
     * {@code i % 2}, and the writer's index beside them.
     *
     * @return the shards, in order
     */
    static List<Path> written(Path folder, int samples, long targetBytes) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (ShardWriter writer = new ShardWriter(folder, targetBytes)) {
            for (int i = 0; i < samples; i++) {
                boolean jpeg = i % 3 == 1;
                java.util.Map<String, byte[]> members = new java.util.LinkedHashMap<>();
                members.put(jpeg ? "jpg" : "png", image(random, 16 + random.nextInt(24), 16 + random.nextInt(24), jpeg));
                members.put("cls", Integer.toString(i % 2).getBytes(StandardCharsets.UTF_8));
                writer.write(String.format(Locale.ROOT, "s%05d", i), members);
            }
            writer.close();
            return writer.shards();
        }
    }

    List<String> locations() {
        return shards.stream().map(Path::toString).toList();
    }

    private void writeShard(Path shard, int from, int to) throws IOException {
        try (OutputStream out = Files.newOutputStream(shard); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int i = from; i < to; i++) {
                String key = names.get(i).substring(0, names.get(i).indexOf('.'));
                // The label member first in some samples and last in others: grouping must not care.
                if (i % 2 == 0) {
                    add(tar, key + ".cls", Integer.toString(classes[i]).getBytes(StandardCharsets.UTF_8));
                }
                add(tar, names.get(i), images.get(i));
                if (i % 2 == 1) {
                    add(tar, key + ".cls", (classes[i] + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static byte[] image(SplittableRandom random, int width, int height, boolean jpeg) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, jpeg ? "jpg" : "png", out);
        return out.toByteArray();
    }
}
