import io.jdatagen.data.Batch;
import io.jdatagen.data.Loader;
import io.jdatagen.flow.DataFrame;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.spi.Backends;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * What CI runs in the consumer project: writes a small labelled JPEG folder and a CSV, runs every
 * README program on them, streams a flow through the Loader, reads the CSV, and prints the codec
 * and backend in use ("codec: NAME"). With the frameworks profile it also checks that DJL and DL4J
 * are on the same class path; with the spark profile, that the README's Spark job compiled against
 * Spark.
 */
public class ConsumerCheck {
    public static void main(String[] args) throws IOException {
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

        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(10).rescale(1 / 255.0).build();
        FileFlow flow = gen.flowFromDirectory(root.resolve("train"),
                FlowOptions.builder().targetSize(32, 32).batchSize(8).seed(3).build());
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
        }
        System.out.println("flow: " + images + " images; csv: " + table.size() + " rows");
        System.out.println("backend: " + Backends.current().name());
        System.out.println("codec: " + ImageCodecs.current().name());
    }
}
