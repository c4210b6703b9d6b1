import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.spi.Backends;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * What CI runs in the consumer project: writes a small labelled JPEG folder and a CSV, runs every
 * README program on them, streams a flow through the Loader, reads the CSV, and prints the codec
 * and backend in use ("codec: NAME"). With the frameworks profile it also checks that DJL and DL4J
 * are on the same class path and runs the README's training programs on a learnable folder (stripes
 * across or down), each of which must end with a held-out accuracy above 0.8; with the spark
 * profile, that the README's Spark job compiled against Spark and, run without a master (so on
 * local cores), writes five augmented copies of each image, as files and as tar shards that the README's
 * ReadSparkShards then reads; with the s3 profile, that jdatagen-s3 builds
 * its client (no request sent) with none of the SDK's Apache or Netty HTTP clients on the class path.
 */
public class ConsumerCheck {
    private static final Pattern HELD_OUT = Pattern.compile("held-out accuracy: (\\d+[.,]\\d+)\\s*$");

    /** A README program's main method. */
    private interface Program {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("jdatagen-consumer");
        StringBuilder csv = new StringBuilder("file,label\n");
        Random random = new Random(1);
        for (String label : List.of("cats", "dogs")) {
            Path dir = Files.createDirectories(root.resolve("train").resolve(label));
            for (int i = 0; i < 10; i++) {
                BufferedImage image = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 40; y++) {
                    for (int x = 0; x < 50; x++) {
                        image.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                ImageIO.write(image, "jpg", dir.resolve(label + i + ".jpg").toFile());
                csv.append("train/").append(label).append('/').append(label).append(i).append(".jpg,")
                        .append(label).append('\n');
            }
        }
        Files.writeString(root.resolve("labels.csv"), csv);

        QuickStart.main(new String[0]);
        TrainFromFolders.main(new String[] {root.toString()});
        SegmentationPairs.main(new String[0]);
        TimeseriesWindows.main(new String[0]);
        ShardedTraining.main(new String[] {"1", "2"});
        if (args.length == 0) {
            // Only on jdatagen's own class path: DL4J pins commons-io 2.7 and Spark brings its own Commons
            // Compress, while Commons Compress 1.28 needs commons-io 2.12 or later.
            TarShardTraining.main(new String[0]);
        }

        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(10).rescale(1 / 255.0).build();
        FileFlow flow = gen.flowFromDirectory(root.resolve("train"),
                FlowOptions.directory().targetSize(32, 32).batchSize(8).seed(3));
        int images = 0;
        try (Loader<Batch> loader = Loader.of(flow, 2, 2)) {
            for (Batch b : loader) {
                images += b.size();
            }
        }
        if (images != 20) {
            throw new AssertionError("the flow gave " + images + " images, expected 20");
        }
        DataFrame table = DataFrame.readCsv(root.resolve("labels.csv"));
        if (table.size() != 20) {
            throw new AssertionError("the CSV has " + table.size() + " rows, expected 20");
        }
        if (args.length > 0 && args[0].equals("frameworks")) {
            for (String name : List.of("ai.djl.ndarray.NDManager", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
                    "org.nd4j.linalg.dataset.api.iterator.DataSetIterator")) {
                try {
                    Class.forName(name, false, ConsumerCheck.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name + " is not on the class path", e);
                }
            }
            System.out.println("frameworks: DJL and DL4J share the class path");
            Path stripes = writeStripes(root.resolve("stripes"), 160, 64, random);
            String[] folder = {stripes.toString()};
            for (String program : List.of("TrainWithDjl", "TrainWithDl4j")) {   // compiled in this profile only
                System.out.println(program + ": held-out accuracy " + heldOutAccuracy(program, () ->
                        Class.forName(program).getMethod("main", String[].class).invoke(null, (Object) folder)));
            }
        }
        if (args.length > 0 && args[0].equals("s3")) {
            // The S3 client on the JDK's HTTP client only: none of the SDK's Apache or Netty clients.
            for (String name : List.of("software.amazon.awssdk.http.apache.ApacheHttpClient",
                    "software.amazon.awssdk.http.apache5.Apache5HttpClient",
                    "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient")) {
                try {
                    Class.forName(name, false, ConsumerCheck.class.getClassLoader());
                    throw new AssertionError(name + " is on the class path of jdatagen-s3's users");
                } catch (ClassNotFoundException expected) {
                    // left out, as jdatagen-s3's pom says
                }
            }
            Object shards = Class.forName("io.jdatagen.s3.S3Shards").getMethod("builder").invoke(null);
            shards.getClass().getMethod("endpoint", java.net.URI.class).invoke(shards,
                    java.net.URI.create("http://127.0.0.1:9"));
            shards.getClass().getMethod("region", String.class).invoke(shards, "us-east-1");
            shards.getClass().getMethod("build").invoke(shards);
            System.out.println("s3: jdatagen-s3 builds its S3 client on the JDK's HTTP client alone");
        }
        if (args.length > 0 && args[0].equals("spark")) {
            for (String name : List.of("org.apache.spark.sql.SparkSession", "io.jdatagen.spark.OfflineAugmentation",
                    "AugmentOnSpark")) {
                try {
                    Class.forName(name, false, ConsumerCheck.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name + " is not on the class path", e);
                }
            }
            System.out.println("spark: jdatagen-spark and the README's Spark job compile against Spark");
            Path augmented = root.resolve("augmented");        // no master configured: the job runs locally
            Class.forName("AugmentOnSpark").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {root.resolve("train").toString(), augmented.toString()});
            long written;
            try (var files = Files.walk(augmented)) {
                written = files.filter(f -> f.toString().endsWith(".png")).count();
            }
            if (written != 100) {
                throw new AssertionError("AugmentOnSpark wrote " + written + " PNGs, expected 5 copies of 20 images");
            }
            System.out.println("spark: AugmentOnSpark ran locally (no master given) and wrote " + written + " PNGs");
            List<String> shards;
            try (var files = Files.list(root.resolve("augmented-shards"))) {
                shards = files.map(Path::toString).filter(f -> f.endsWith(".tar")).sorted().toList();
            }
            if (shards.isEmpty()) {
                throw new AssertionError("AugmentOnSpark wrote no tar shards");
            }
            ReadSparkShards.main(shards.toArray(new String[0]));
            System.out.println("spark: ReadSparkShards read the " + shards.size() + " shard(s) AugmentOnSpark wrote");
        }
        System.out.println("flow: " + images + " images; csv: " + table.size() + " rows");
        System.out.println("backend: " + Backends.current().name());
        System.out.println("codec: " + ImageCodecs.current().name());
    }

    /**
     * Runs a README training program, echoing what it prints, and returns the accuracy on its last
     * "held-out accuracy: X" line, which must exceed 0.8.
     */
    private static double heldOutAccuracy(String name, Program program) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        try {
            program.run();
        } finally {
            System.setOut(console);
            console.print(printed);
        }
        Matcher last = null;
        for (String line : printed.toString().split("\\R")) {
            Matcher m = HELD_OUT.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new AssertionError(name + " printed no 'held-out accuracy: X' line");
        }
        double accuracy = Double.parseDouble(last.group(1).replace(',', '.'));
        if (accuracy <= 0.8) {
            throw new AssertionError(name + " did not learn: held-out accuracy " + accuracy + " (chance is 0.5)");
        }
        return accuracy;
    }

    /**
     * Writes {@code perClass} noisy gray images of {@code size}² pixels with stripes across
     * ({@code across/}) and down ({@code down/}), at random widths and phases: a rotation by 10° and a
     * horizontal flip keep the class.
     */
    private static Path writeStripes(Path root, int perClass, int size, Random random) throws IOException {
        for (String label : List.of("across", "down")) {
            Path dir = Files.createDirectories(root.resolve(label));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                int width = 3 + random.nextInt(4);
                int phase = random.nextInt(2 * width);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        int along = label.equals("across") ? y : x;
                        int v = (along + phase) / width % 2 == 0 ? 200 : 50;
                        v = Math.max(0, Math.min(255, v + random.nextInt(61) - 30));
                        image.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
                ImageIO.write(image, "png", dir.resolve(label + i + ".png").toFile());
            }
        }
        return root;
    }
}
