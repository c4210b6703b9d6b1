package io.jdatagen.flow;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.DenseTensor;
import io.jdatagen.data.Batch;
import io.jdatagen.spi.SourceImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The augmenter of a data set that only loads: each float32 {@code H,W,C} source, already at the batch's
 * size, written into its slot in the data format; no resize, no random step, no batch step.
 */
final class LoadOnly implements Augmenter {
    private final DataFormat format;

    LoadOnly(DataFormat format) {
        this.format = format;
    }

    @Override
    public DataFormat dataFormat() {
        return format;
    }

    @Override
    public int[] resizeTarget() {
        return null;
    }

    @Override
    public double validationSplit() {
        return 0;
    }

    @Override
    public boolean augmentValidation() {
        return false;
    }

    @Override
    public boolean replaysKerasStreams() {
        return false;
    }

    @Override
    public List<String> fractionalSteps() {
        return List.of();
    }

    @Override
    public void augment(SampleBatch batch) {
        DenseTensor out = batch.output();
        int[] shape = batch.outputShape();
        int item = shape[1] * shape[2] * shape[3];
        for (int j = 0; j < batch.size(); j++) {
            SourceImage source = batch.sources().get(j);
            Augmenter.checkFits(source, new int[] {shape[1], shape[2], shape[3]}, format);
            float[] pixels = source.floats();
            int h = source.height();
            int w = source.width();
            int c = source.channels();
            for (int k = 0; k < item; k++) {
                int y;
                int x;
                int ch;
                if (format == DataFormat.CHANNELS_LAST) {
                    ch = k % c;
                    x = k / c % w;
                    y = k / c / w;
                } else {
                    x = k % w;
                    y = k / w % h;
                    ch = k / w / h;
                }
                out.setElement(j * item + k, pixels[source.offset() + (y * w + x) * c + ch]);
            }
        }
    }

    @Override
    public Batch augmentBatch(Batch batch, RandomGenerator rng) {
        return batch;
    }
}
