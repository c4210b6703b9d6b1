package io.jdatagen.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.ElementType;
import io.jdatagen.flow.DirectoryFlowOptions;
import io.jdatagen.flow.FileFlow;
import io.jdatagen.flow.FlowOptions;
import io.jdatagen.image.ImageDataGenerator;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A tiny CNN trained with DL4J (nd4j-native, CPU) on a generated folder through the adapters. */
class Dl4jTrainingTest {
    private static final int SIZE = 24;

    private static double meanScore(MultiLayerNetwork net, JdatagenDataSetIterator data) {
        double sum = 0;
        int n = 0;
        while (data.hasNext()) {
            DataSet d = data.next();
            sum += net.score(d) * d.numExamples();
            n += d.numExamples();
        }
        data.reset();
        return sum / n;
    }

    @Test
    void aTinyCnnLearnsThroughTheIterator(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 48, SIZE, 11);
        ImageDataGenerator gen = ImageDataGenerator.builder().horizontalFlip(true).rescale(1 / 255.0)
                .validationSplit(0.25).dataFormat("channels_first").build();
        DirectoryFlowOptions options = FlowOptions.directory().targetSize(SIZE, SIZE).classMode("categorical")
                .batchSize(12).seed(3).output("float32");
        FileFlow trainFlow = gen.flowFromDirectory(root, options.subset("training"));
        FileFlow validationFlow = gen.flowFromDirectory(root, options.subset("validation").shuffle(false));
        JdatagenDataSetIterator train = JdatagenDataSetIterator.of(trainFlow, 2, 2);
        JdatagenDataSetIterator validation = JdatagenDataSetIterator.of(validationFlow, 2, 2);
        assertEquals(List.of("h", "v"), train.getLabels());
        assertEquals(2, train.totalOutcomes());
        assertEquals(3 * SIZE * SIZE, train.inputColumns());

        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Adam(0.01)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        double before = meanScore(net, validation);
        net.fit(train, 4);
        double after = meanScore(net, validation);
        double accuracy = net.evaluate(validation).accuracy();
        assertEquals(4, trainFlow.epoch(), "each of DL4J's epochs advanced the flow");
        assertTrue(after < before, "validation loss falls: " + before + " -> " + after);
        assertTrue(accuracy > 0.75, "accuracy beats chance (0.5): " + accuracy);
    }

    @Test
    void multiDataSetsCarryEveryInputAndTarget(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 3, SIZE, 2);
        ImageDataGenerator gen = ImageDataGenerator.builder().dataFormat("channels_first").build();
        FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE).batchSize(4)
                .shuffle(false));
        io.jdatagen.data.Batch expected = flow.get(0);
        JdatagenMultiDataSetIterator data = JdatagenMultiDataSetIterator.of(flow, 1, 0);
        MultiDataSet first = data.next();
        assertEquals(1, first.getFeatures().length);
        assertArrayEquals(new long[] {4, 3, SIZE, SIZE}, first.getFeatures(0).shape());
        assertArrayEquals(expected.xTensor().data(), first.getFeatures(0).data().asFloat());
        assertArrayEquals(expected.y().data(), first.getLabels(0).data().asFloat());
        data.reset();
        assertEquals(1, flow.epoch(), "a pass reset before its end still moves to the next epoch");
    }

    @Test
    void bufferedBatchesBecomeArraysOverTheSameMemory(@TempDir Path root) throws Exception {
        StripesFolder.write(root, 4, SIZE, 5);
        ImageDataGenerator gen = ImageDataGenerator.builder().rotationRange(10).dataFormat("channels_first").build();
        for (ElementType type : new ElementType[] {ElementType.FLOAT32, ElementType.UINT8, ElementType.FLOAT16}) {
            FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE)
                    .classMode("categorical").batchSize(5).seed(2).output(type));
            io.jdatagen.data.Batch batch = flow.get(0);
            BufferTensor x = (BufferTensor) batch.x();
            INDArray array = NdArrays.features(batch);
            assertArrayEquals(x.longShape(), array.shape(), type.toString());
            assertEquals(type.bytes(), array.dataType().width(), type.toString());
            assertArrayEquals(x.toTensor().data(), array.castTo(DataType.FLOAT).data().asFloat(),
                    type + ": the array holds the batch");
            int last = x.size() - 1;
            x.setElement(last, 77f);
            assertEquals(77f, array.castTo(DataType.FLOAT).data().asFloat()[last],
                    type + ": a write into the kernels' buffer shows in the array, so it is the same memory");
        }
        FileFlow flow = gen.flowFromDirectory(root, FlowOptions.directory().targetSize(SIZE, SIZE)
                .classMode("categorical").batchSize(5).seed(2).output("uint8"));
        io.jdatagen.data.Batch expected = flow.atEpoch(0).get(0);
        DataSet first = JdatagenDataSetIterator.of(flow, 1, 0).next();
        assertEquals(DataType.UBYTE, first.getFeatures().dataType(), "the iterator hands out the flow's uint8 batches");
        assertArrayEquals(expected.x().toTensor().data(), first.getFeatures().castTo(DataType.FLOAT).data().asFloat());
        assertArrayEquals(expected.y().data(), first.getLabels().data().asFloat());
    }
}
