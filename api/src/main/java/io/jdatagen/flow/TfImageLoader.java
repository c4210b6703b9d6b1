package io.jdatagen.flow;

import io.jdatagen.io.ByteImage;
import io.jdatagen.io.DecodeOptions;
import io.jdatagen.io.ImageCodec;
import io.jdatagen.io.ImageReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads one image as Keras 3's {@code image_dataset_from_directory} does with TensorFlow: decoded without
 * EXIF orientation, converted to the asked channels by TensorFlow's PNG rules, then centre-cropped to the
 * target's aspect ratio ({@code crop_to_aspect_ratio}), or resized to fit and zero-padded
 * ({@code pad_to_aspect_ratio}, {@code tf.image.resize_with_pad}), or resized ({@link TfResize}); float32
 * samples 0-255 in {@code H,W,C} order.
 *
 * <p>Channel conversion: grayscale from colour is libpng's {@code (9797 R + 19234 G + 3737 B) >> 15}, as
 * TensorFlow's PNG decoder asks libpng for it (JPEG, GIF and BMP files go through the same rule here, where
 * TensorFlow's decoders may differ by a level); alpha is dropped without compositing; grey is repeated into
 * RGB; RGBA from an image without alpha gets alpha 255.
 */
final class TfImageLoader {
    private static final DecodeOptions DECODE = new DecodeOptions(false, 0, 0);
    private final ImageCodec codec;
    private final int channels;
    private final int height;
    private final int width;
    private final TfInterpolation interpolation;
    private final boolean crop;
    private final boolean pad;

    TfImageLoader(ImageCodec codec, int channels, int height, int width, TfInterpolation interpolation,
            boolean crop, boolean pad) {
        this.codec = codec;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.interpolation = interpolation;
        this.crop = crop;
        this.pad = pad;
    }

    /**
     * {@return the image of {@code path} at the target size, {@code height x width x channels} floats}
     *
     * @throws ImageReadException naming the file when it cannot be read or decoded
     */
    float[] load(Path path) {
        ByteImage decoded;
        try {
            decoded = codec.decode(Files.readAllBytes(path), DECODE);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(path, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return fit(converted(decoded, channels), decoded.height(), decoded.width());
    }

    /** {@code image}'s samples as floats with {@code channels} channels, by TensorFlow's PNG rules. */
    static float[] converted(ByteImage image, int channels) {
        int n = image.height() * image.width();
        int from = image.channels();
        byte[] in = image.data();
        float[] out = new float[n * channels];
        boolean colour = from >= 3;
        boolean alpha = from == 2 || from == 4;
        for (int p = 0; p < n; p++) {
            int r = in[p * from] & 0xFF;
            int g = colour ? in[p * from + 1] & 0xFF : r;
            int b = colour ? in[p * from + 2] & 0xFF : r;
            int a = alpha ? in[p * from + from - 1] & 0xFF : 255;
            if (channels == 1) {
                out[p] = colour ? (9797 * r + 19234 * g + 3737 * b) >> 15 : r;
            } else {
                out[p * channels] = r;
                out[p * channels + 1] = g;
                out[p * channels + 2] = b;
                if (channels == 4) {
                    out[p * channels + 3] = a;
                }
            }
        }
        return out;
    }

    /** {@code image} ({@code h x w}) cropped or padded and resized to the target, as configured. */
    float[] fit(float[] image, int h, int w) {
        if (crop) {
            int cropHeight = Math.max(Math.min(h, (int) ((float) ((long) w * height) / (float) width)), 1);
            int cropWidth = Math.max(Math.min(w, (int) ((float) ((long) h * width) / (float) height)), 1);
            int top = (int) ((float) (h - cropHeight) / 2f);
            int left = (int) ((float) (w - cropWidth) / 2f);
            float[] cropped = new float[cropHeight * cropWidth * channels];
            for (int y = 0; y < cropHeight; y++) {
                System.arraycopy(image, ((top + y) * w + left) * channels, cropped, y * cropWidth * channels,
                        cropWidth * channels);
            }
            return TfResize.resize(cropped, cropHeight, cropWidth, channels, height, width, interpolation);
        }
        if (pad) {
            return padded(image, h, w);
        }
        return TfResize.resize(image, h, w, channels, height, width, interpolation);
    }

    /** {@code tf.image.resize_with_pad}: resized to fit inside the target (float32 ratios), zeros around. */
    private float[] padded(float[] image, int h, int w) {
        float fh = h;
        float fw = w;
        float ratio = Math.max(fw / (float) width, fh / (float) height);
        float resizedHeightF = fh / ratio;
        float resizedWidthF = fw / ratio;
        int resizedHeight = (int) Math.floor(resizedHeightF);
        int resizedWidth = (int) Math.floor(resizedWidthF);
        int top = Math.max(0, (int) Math.floor(((float) height - resizedHeightF) / 2f));
        int left = Math.max(0, (int) Math.floor(((float) width - resizedWidthF) / 2f));
        if (resizedHeight < 1 || resizedWidth < 1) {
            throw new IllegalArgumentException("pad_to_aspect_ratio: a " + h + "x" + w + " image fitted into "
                    + height + "x" + width + " would be " + resizedHeight + "x" + resizedWidth
                    + "; TensorFlow refuses it too");
        }
        float[] resized = TfResize.resize(image, h, w, channels, resizedHeight, resizedWidth, interpolation);
        float[] out = new float[height * width * channels];
        for (int y = 0; y < resizedHeight; y++) {
            System.arraycopy(resized, y * resizedWidth * channels, out, ((top + y) * width + left) * channels,
                    resizedWidth * channels);
        }
        return out;
    }
}
