package org.roadcoder.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/**
 * The tuned layers are a speed-up, not another network: with the same parameters they give DL4J's
 * stock layers' outputs, gradients and training step. And they are what roadcoder's networks run on:
 * if a DL4J upgrade or a refactoring silently dropped them, these tests fail.
 */
class TunedLayersTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();

    private static ComputationGraph network(Backbone backbone, CNN2DFormat format) {
        BackboneOptions options = new BackboneOptions(32, 32, 1.0 / 16, 3).withFormat(format);
        return TransferHead.attach(backbone.build(options), LAYOUT, LossKind.GROUPED.create(LAYOUT),
                HeadOptions.defaults().withHidden(16).withDropRate(0.0));
    }

    private static DataSet batch(CNN2DFormat format) {
        Nd4j.getRandom().setSeed(11);
        long[] shape = format == CNN2DFormat.NCHW ? new long[] {6, 3, 32, 32} : new long[] {6, 32, 32, 3};
        return new DataSet(Nd4j.rand(DataType.FLOAT, shape).subi(0.5),
                TestLayouts.randomLabels(LAYOUT, 6, 5, DataType.FLOAT));
    }

    private static INDArray gradient(ComputationGraph net, DataSet data) {
        net.setInputs(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    private static void assertClose(INDArray actual, INDArray expected, double relative) {
        double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
        double diff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(diff / scale).as("max |diff| %s against max |value| %s", diff, scale).isLessThan(relative);
    }

    @ParameterizedTest
    @EnumSource(value = CNN2DFormat.class)
    void vggBnOnTunedLayersGivesStockOutputsGradientsAndTrainingStep(CNN2DFormat format) {
        // the builder's layers plus the tuned max pooling (the builder keeps DL4J's; TunedLayers puts it in)
        ComputationGraph tuned = TunedLayers.tune(network(Backbone.VGG11_BN, format));
        ComputationGraph stock = TunedLayers.stock(tuned.clone());
        assertThat(TunedLayers.countTuned(tuned)).isEqualTo(8 + 8 + 8 + 5); // conv, batch norm, ReLU per block; max pools
        assertThat(TunedLayers.countTuned(stock)).isZero();
        DataSet data = batch(format);

        assertClose(tuned.outputSingle(data.getFeatures()), stock.outputSingle(data.getFeatures()), 1e-5);
        assertClose(gradient(tuned, data), gradient(stock, data), 1e-3);

        for (int i = 0; i < 2; i++) {
            tuned.fit(data);
            stock.fit(data);
        }
        // weights and batch-norm running statistics; Adam turns float rounding in tiny gradients into
        // steps of up to the learning rate (1e-3), hence the looser bound than for the gradient itself
        assertClose(tuned.params(), stock.params(), 1e-3);
        assertThat(tuned.score()).isCloseTo(stock.score(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void convolutionsInBatchSlicesTrainLikeStockLayers() {
        System.setProperty(ConvChunks.BACKWARD_PROPERTY, "0"); // 0 MB: one image per slice
        System.setProperty(ConvChunks.FORWARD_PROPERTY, "0");
        try {
            vggBnOnTunedLayersGivesStockOutputsGradientsAndTrainingStep(CNN2DFormat.NCHW);
        } finally {
            System.clearProperty(ConvChunks.BACKWARD_PROPERTY);
            System.clearProperty(ConvChunks.FORWARD_PROPERTY);
        }
    }

    @Test
    void reluConvolutionsWithoutBatchNormAlsoMatch() {
        ComputationGraph tuned = TunedLayers.tune(network(Backbone.VGG16, CNN2DFormat.NCHW));
        ComputationGraph stock = TunedLayers.stock(tuned.clone());
        assertThat(TunedLayers.countTuned(tuned)).isEqualTo(13 + 5);
        DataSet data = batch(CNN2DFormat.NCHW);
        assertClose(gradient(tuned, data), gradient(stock, data), 1e-3);
        assertThat(TunedLayers.countTuned(TunedLayers.tune(stock))).isEqualTo(13 + 5);
    }

    @Test
    void roadcodersNetworksRunOnTheTunedImplementations() throws IOException {
        ComputationGraph net = network(Backbone.VGG11_BN, CNN2DFormat.NCHW);
        net.fit(batch(CNN2DFormat.NCHW)); // instantiates the helpers' state
        assertRunsTuned(net);

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, saved, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(saved.toByteArray()), true);
        assertRunsTuned(restored);
        assertThat(restored.params()).isEqualTo(net.params());
    }

    private static void assertRunsTuned(ComputationGraph net) {
        int conv = 0;
        int bn = 0;
        int relu = 0;
        int pool = 0;
        for (Layer layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                assertThat(layer).isInstanceOf(FastConvolution.class);
                assertThat(layer.getHelper()).as("oneDNN helpers on (surefire sets the property)")
                        .isInstanceOf(MKLDNNConvHelper.class);
                conv++;
            } else if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization) {
                assertThat(FastBatchNormalization.helperOf(layer)).isInstanceOf(FastBatchNormHelper.class);
                bn++;
            } else if (layer instanceof org.deeplearning4j.nn.layers.ActivationLayer) {
                assertThat(layer).isInstanceOf(InPlaceRelu.class);
                relu++;
            } else if (layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer) {
                assertThat(layer).as("the builder's max pooling is DL4J's (measured faster end to end)")
                        .isNotInstanceOf(FastSubsampling.class);
                pool++;
            }
        }
        assertThat(conv).isEqualTo(8);
        assertThat(bn).isEqualTo(8);
        assertThat(relu).isEqualTo(8);
        assertThat(pool).isEqualTo(5);
    }
}
