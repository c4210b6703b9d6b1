package io.jdatagen.io;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR_RGB;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The native codec: OpenCV's {@code imdecode} (libjpeg-turbo, libpng, libtiff) through JavaCPP.
 * JPEGs are decoded in color with EXIF orientation applied by OpenCV (or ignored on request),
 * at a reduced DCT scale when {@link DecodeOptions#reduction} allows; other formats keep their
 * channels and alpha. GIFs are decoded by {@link ImageioCodec}, so that a first frame reaching
 * past the logical screen grows the canvas as in Pillow. Native memory is freed with a
 * {@link PointerScope} per call. Only loaded once {@link OpencvCodecProvider} has found the classes.
 */
final class OpencvCodec implements ImageCodec {
    static final String NAME = "opencv";
    private static final ImageCodec IMAGEIO = new ImageioCodec();

    /** Loads the native libraries (the provider's probe). */
    static void loadNatives() {
        Loader.load(opencv_imgcodecs.class);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ByteImage decode(byte[] encoded, DecodeOptions options) throws IOException {
        EncodedImage.Header header = EncodedImage.check(encoded, options.pixelLimit());
        if (header.format() == FormatSniffer.Format.GIF) {
            // OpenCV refuses a first frame that reaches past the logical screen, where Pillow grows
            // the canvas to hold it: GIFs go to the imageio codec, which does what Pillow does.
            return IMAGEIO.decode(encoded, options);
        }
        int flags = IMREAD_UNCHANGED;
        boolean bgr = true;
        if (header.jpeg()) {
            int reduction = header.height() < 0 ? 1 : options.reduction(header.height(), header.width());
            flags = switch (reduction) {
                case 8 -> IMREAD_REDUCED_COLOR_8;
                case 4 -> IMREAD_REDUCED_COLOR_4;
                case 2 -> IMREAD_REDUCED_COLOR_2;
                default -> IMREAD_COLOR_RGB;
            };
            // At full scale libjpeg-turbo writes RGB directly (no swap); the reduced modes are BGR only.
            bgr = flags != IMREAD_COLOR_RGB;
            if (!options.applyExifOrientation()) {
                flags |= IMREAD_IGNORE_ORIENTATION;
            }
        }
        try (PointerScope scope = new PointerScope();
                BytePointer bytes = new BytePointer(encoded)) {
            Mat buffer = new Mat(1, encoded.length, CV_8UC1, bytes);
            Mat image;
            try {
                image = imdecode(buffer, flags);
            } catch (RuntimeException e) {
                // OpenCV's own checks (e.g. a header size over CV_IO_MAX_IMAGE_HEIGHT) throw cv::Exception.
                throw new IOException("OpenCV refused it: " + e.getMessage(), e);
            }
            if (image == null || image.empty()) {
                throw new IOException("OpenCV could not decode it (corrupt, truncated or not an image in a"
                        + " supported format)");
            }
            return toRgb(image, bgr);
        }
    }

    private static ByteImage toRgb(Mat image, boolean bgr) throws IOException {
        int h = image.rows();
        int w = image.cols();
        int channels = image.channels();
        if (!image.isContinuous() || channels < 1 || channels > 4) {
            throw new IOException("unexpected decoded layout: " + channels + " channels");
        }
        byte[] samples = new byte[h * w * channels];
        if (image.depth() == CV_8U) {
            image.data().get(samples);
        } else if (image.depth() == CV_16U) {
            short[] wide = new short[samples.length];
            ((ShortBuffer) image.createBuffer()).get(wide);
            for (int i = 0; i < wide.length; i++) {
                samples[i] = (byte) (((wide[i] & 0xFFFF) * 255 + 32767) / 65535);
            }
        } else if (image.depth() == CV_32F && channels == 1) {
            float[] real = new float[samples.length];
            ((FloatBuffer) image.createBuffer()).get(real);
            for (int i = 0; i < real.length; i++) {
                samples[i] = Rasters.floatToGray(real[i]);
            }
        } else {
            throw new IOException("unsupported sample depth (OpenCV depth code " + image.depth() + ", " + channels
                    + " channels); 8- and 16-bit images and one-channel 32-bit float images are supported");
        }
        if (bgr && channels >= 3) {
            for (int p = 0; p < samples.length; p += channels) {
                byte blue = samples[p];
                samples[p] = samples[p + 2];
                samples[p + 2] = blue;
            }
        }
        return new ByteImage(samples, h, w, channels);
    }
}
