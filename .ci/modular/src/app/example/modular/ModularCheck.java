package example.modular;

import io.jdatagen.core.Tensor;
import io.jdatagen.data.Batch;
import io.jdatagen.flow.ArrayFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import io.jdatagen.io.ByteImage;
import io.jdatagen.io.DecodeOptions;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.ImageCodecs;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.BackendSelector.ProviderStatus;
import io.jdatagen.spi.Backends;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * What CI runs on the module path: jdatagen's own modules must be explicit (module-info, not
 * automatic), the backends must be found through ServiceLoader, a JPEG must decode through the
 * codec found the same way, and a generator must augment an image and flow over arrays.
 *
 * <p>Argument {@code without-vector}: the JVM was started without
 * {@code --add-modules jdk.incubator.vector}, so simd must be unavailable (its reason naming the
 * flag) and scalar selected. Argument {@code with-vector}: simd must be available, selected on JDK
 * 21 and later (JDK 17 keeps scalar by priority), and it must augment an image when named.
 */
public final class ModularCheck {
    private static final String VECTOR = "jdk.incubator.vector";

    private ModularCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !List.of("with-vector", "without-vector").contains(args[0])) {
            throw new IllegalArgumentException("usage: ModularCheck with-vector|without-vector");
        }
        boolean withVector = args[0].equals("with-vector");
        for (String name : List.of("io.jdatagen.api", "io.jdatagen.spi", "io.jdatagen.simd")) {
            Module module = ModuleLayer.boot().findModule(name)
                    .orElseThrow(() -> new AssertionError("module " + name + " is not resolved"));
            check(!module.getDescriptor().isAutomatic(), name + " is an automatic module, not a module-info one");
        }
        check(ModuleLayer.boot().findModule(VECTOR).isPresent() == withVector,
                VECTOR + " resolved: " + ModuleLayer.boot().findModule(VECTOR).isPresent());
        System.out.println("automatic modules (jlink cannot link them): " + ModuleLayer.boot().modules().stream()
                .filter(m -> m.getDescriptor().isAutomatic()).map(Module::getName).sorted()
                .collect(Collectors.joining(", ")));

        List<ProviderStatus> providers = Backends.providers();
        for (ProviderStatus p : providers) {
            System.out.println("provider " + p.name() + " priority " + p.priority() + " "
                    + (p.availability().available() ? "available" : "unavailable") + ": " + p.availability().reason());
        }
        List<String> names = providers.stream().map(ProviderStatus::name).sorted().toList();
        check(names.containsAll(List.of("reference", "scalar", "simd")), "ServiceLoader found " + names);
        ProviderStatus simd = providers.stream().filter(p -> p.name().equals("simd")).findFirst().orElseThrow();
        if (withVector) {
            check(simd.availability().available(), "simd unavailable with " + VECTOR + ": " + simd.availability().reason());
        } else {
            check(!simd.availability().available() && simd.availability().reason().contains("--add-modules " + VECTOR),
                    "simd without " + VECTOR + ": " + simd.availability().reason());
        }
        String expected = withVector && Runtime.version().feature() >= 21 ? "simd" : "scalar";
        String selected = Backends.current().name();
        check(selected.equals(expected), "selected " + selected + ", expected " + expected);

        Tensor image = decodedJpeg();
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(20).widthShiftRange(0.1)
                .horizontalFlip(true).rescale(1 / 255.0).build();
        augment(gen, image);
        if (withVector) {
            // Links the Vector API from io.jdatagen.simd: its static dependence must read the module.
            Backend vector = Backends.named("simd");
            augment(ImageDataGenerator.builder().rotationRange(20).backend(vector).build(), image);
            System.out.println("simd augmented a " + Arrays.toString(image.shape()) + " image");
        }
        flowOverArrays(gen);
        System.out.println("codec: " + ImageCodecs.current().name());
        System.out.println("backend: " + selected);
    }

    /** A JPEG written by javax.imageio, decoded by the codec that ServiceLoader found. */
    private static Tensor decodedJpeg() throws IOException {
        Random random = new Random(7);
        BufferedImage source = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                source.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        check(ImageIO.write(source, "jpg", jpeg), "no JPEG writer");
        ImageCodec codec = ImageCodecs.current();
        ByteImage decoded = codec.decode(jpeg.toByteArray(), DecodeOptions.DEFAULT);
        check(decoded.height() == 30 && decoded.width() == 40 && decoded.channels() == 3,
                codec.name() + " decoded " + decoded);
        float[] pixels = new float[decoded.data().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = decoded.data()[i] & 0xFF;
        }
        return Tensor.of(pixels, 30, 40, 3);
    }

    private static void augment(ImageDataGenerator gen, Tensor image) {
        Tensor out = gen.randomTransform(image, 42);
        check(Arrays.equals(out.shape(), image.shape()), "augmented shape " + Arrays.toString(out.shape()));
        check(!Arrays.equals(out.data(), image.data()), "the augmentation left the image unchanged");
    }

    private static void flowOverArrays(ImageDataGenerator gen) {
        int n = 10;
        Random random = new Random(3);
        float[] x = new float[n * 16 * 16 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(256);
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
        }
        ArrayFlow flow = gen.flow(Tensor.of(x, n, 16, 16, 3), Tensor.of(y, n),
                FlowOptions.arrays().batchSize(4).seed(5));
        int images = 0;
        for (int b = 0; b < flow.size(); b++) {
            Batch batch = flow.get(b);
            check(Arrays.equals(Arrays.copyOfRange(batch.x().shape(), 1, 4), new int[] {16, 16, 3}),
                    "batch shape " + Arrays.toString(batch.x().shape()));
            images += batch.size();
        }
        check(images == n, "the flow gave " + images + " images, expected " + n);
        System.out.println("flow: " + flow.size() + " batches, " + images + " images");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
