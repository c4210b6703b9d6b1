package io.jdatagen.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;

import io.jdatagen.image.AffineMatrix;
import io.jdatagen.image.Compatibility;
import io.jdatagen.image.ImageAxes;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peers, in the same run as {@link WarpBenchmark} and with the same 64 headline draws:
 * <ul>
 *   <li>{@code opencvChain}: OpenCV 4.13 (JavaCPP), single-threaded: {@code warpAffine} bilinear
 *       with the same inverse map and replicated border, {@code flip}, {@code split} into 8-bit
 *       planes, and one {@code convertTo} per channel with rescale and normalisation folded into
 *       alpha and beta, straight into the float NCHW output (OpenCV's fastest form of the chain);</li>
 *   <li>{@code opencvWarpNearest}: {@code warpAffine} nearest alone (u8 to u8);</li>
 *   <li>{@code awt}: {@code AffineTransformOp} bilinear on a {@code TYPE_3BYTE_BGR} image plus the
 *       conversion to normalised float NCHW.</li>
 * </ul>
 * Scores are images per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class PeerBenchmark {
    /** Image height and width. */
    @Param({"224", "32"})
    public int size;

    /** Native buffers behind the Mats, held so that JavaCPP cannot free them while in use. */
    private BytePointer sourcePixels;
    private DoublePointer[] inverseData;
    private final Scalar border = new Scalar();
    private Mat source;
    private Mat[] inverse;
    private boolean[] flips;
    private Mat warped;
    private Mat flipped;
    private OpencvNchw nchw;
    private Size dsize;
    private BufferedImage awtSource;
    private BufferedImage awtTarget;
    private AffineTransformOp[] awtOps;
    private float[] awtOut;
    private int next;

    /** Builds the image, the 64 plans in each library's form and the output buffers. */
    @Setup
    public void setup() throws NoninvertibleTransformException {
        opencv_core.setNumThreads(1);
        byte[] pixels = new byte[size * size * 3];
        new SplittableRandom(1).nextBytes(pixels);
        sourcePixels = new BytePointer(pixels);
        source = new Mat(size, size, CV_8UC3, sourcePixels);
        dsize = new Size(size, size);
        warped = new Mat(size, size, CV_8UC3);
        flipped = new Mat(size, size, CV_8UC3);
        nchw = new OpencvNchw(size, size);
        HeadlinePlans.Draw[] draws = HeadlinePlans.draws(size, size, 7);
        inverse = new Mat[HeadlinePlans.COUNT];
        inverseData = new DoublePointer[HeadlinePlans.COUNT];
        flips = new boolean[HeadlinePlans.COUNT];
        awtOps = new AffineTransformOp[HeadlinePlans.COUNT];
        for (int k = 0; k < HeadlinePlans.COUNT; k++) {
            HeadlinePlans.Draw d = draws[k];
            double[] m = AffineMatrix.inverse(d.theta(), d.tx(), d.ty(), 0, d.zx(), d.zy(), new int[] {size, size, 3},
                    ImageAxes.CHANNELS_LAST, Compatibility.DOCUMENTED);
            // jdatagen maps (row, col) -> (row', col'); OpenCV and AWT map (x = col, y = row).
            double[] xy = {m[4], m[3], m[5], m[1], m[0], m[2]};
            inverseData[k] = new DoublePointer(xy);
            inverse[k] = new Mat(2, 3, CV_64F, inverseData[k]);
            flips[k] = d.flip();
            AffineTransform inv = new AffineTransform(xy[0], xy[3], xy[1], xy[4], xy[2], xy[5]);
            awtOps[k] = new AffineTransformOp(inv.createInverse(), AffineTransformOp.TYPE_BILINEAR);
        }
        awtSource = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(pixels, 0, ((DataBufferByte) awtSource.getRaster().getDataBuffer()).getData(), 0,
                pixels.length);
        awtTarget = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        awtOut = new float[3 * size * size];
    }

    private MatVector chain() {
        next = (next + 1) & (HeadlinePlans.COUNT - 1);
        opencv_imgproc.warpAffine(source, warped, inverse[next], dsize,
                opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP, BORDER_REPLICATE, border);
        Mat image = warped;
        if (flips[next]) {
            opencv_core.flip(warped, flipped, 1);
            image = flipped;
        }
        return nchw.convert(image);
    }

    private Mat warpNearest() {
        next = (next + 1) & (HeadlinePlans.COUNT - 1);
        opencv_imgproc.warpAffine(source, warped, inverse[next], dsize,
                opencv_imgproc.INTER_NEAREST | opencv_imgproc.WARP_INVERSE_MAP, BORDER_REPLICATE, border);
        return warped;
    }

    private float[] awtChain() {
        next = (next + 1) & (HeadlinePlans.COUNT - 1);
        awtOps[next].filter(awtSource, awtTarget);
        byte[] bgr = ((DataBufferByte) awtTarget.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        boolean flip = flips[next];
        for (int c = 0; c < 3; c++) {
            float scale = 1f / (255f * HeadlinePlans.STD[c]);
            float offset = -HeadlinePlans.MEAN[c] / HeadlinePlans.STD[c];
            for (int r = 0; r < size; r++) {
                for (int x = 0; x < size; x++) {
                    int sx = flip ? size - 1 - x : x;
                    awtOut[c * plane + r * size + x] = (bgr[(r * size + sx) * 3 + 2 - c] & 0xFF) * scale + offset;
                }
            }
        }
        return awtOut;
    }

    /** OpenCV chain, one thread. */
    @Benchmark
    public MatVector opencvChain() {
        return chain();
    }

    /** OpenCV chain, two threads. */
    @Benchmark
    @Threads(2)
    public MatVector opencvChainTwoThreads() {
        return chain();
    }

    /** OpenCV warpAffine nearest alone, one thread. */
    @Benchmark
    public Mat opencvWarpNearest() {
        return warpNearest();
    }

    /** java.awt AffineTransformOp bilinear plus float conversion, one thread. */
    @Benchmark
    public float[] awt() {
        return awtChain();
    }

    /** java.awt, two threads. */
    @Benchmark
    @Threads(2)
    public float[] awtTwoThreads() {
        return awtChain();
    }
}
