package org.roadcoder.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.layers.TunedLayers;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/** A trained NCHW network and its NHWC twin compute the same outputs. */
class NhwcConversionTest {

    private static final OutputLayout LAYOUT = TestLayouts.roadcoder();
    /** 96x64 px: a 3x2 feature map, so a flatten in the wrong order (or H and W swapped) shows. */
    private static final BackboneOptions TINY = new BackboneOptions(96, 64, 1.0 / 16, 5);
    private static final HeadOptions HEAD = HeadOptions.defaults().withHidden(16);

    @Test
    void vgg11BnWithTrainedLookingBatchNormAndHeadGivesTheSameOutputs() {
        ComputationGraph nchw = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT,
                LossKind.GROUPED.create(LAYOUT), HEAD);
        randomiseBatchNorm(nchw, 11);
        assertThat(TunedLayers.countTuned(nchw)).as("roadcoder's tuned conv, batch-norm and ReLU layers").isPositive();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 96, 64).muli(255).subi(120);
        Map<String, INDArray> expected = nchw.feedForward(x, false);

        InferenceNet nhwc = InferenceNet.nhwc(nchw);
        Map<String, INDArray> actual = nhwc.graph().feedForward(nhwc.toInput(x), false);

        assertThat(nhwc.format()).isEqualTo(CNN2DFormat.NHWC);
        assertRelativelyClose(actual.get("pool5").permute(0, 3, 1, 2), expected.get("pool5"));
        assertRelativelyClose(actual.get(TransferHead.FC1), expected.get(TransferHead.FC1));
        assertClose(nhwc.output(x), nchw.outputSingle(false, x), 1e-4);
        assertThat(nchw.outputSingle(false, x).std(0).maxNumber().doubleValue())
                .as("outputs that vary between images").isGreaterThan(1e-3);
    }

    @Test
    void theFirstDenseLayersRowsAreWhatMakesItAgree() {
        ComputationGraph nchw = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT,
                LossKind.GROUPED.create(LAYOUT), HEAD);
        randomiseBatchNorm(nchw, 12);
        ComputationGraph nhwc = NhwcConversion.toNhwc(nchw);
        nhwc.setParam("fc1_W", nchw.getParam("fc1_W"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 96, 64);
        INDArray unpermuted = nhwc.feedForward(x.permute(0, 2, 3, 1).dup('c'), false).get(TransferHead.FC1);
        INDArray expected = nchw.feedForward(x, false).get(TransferHead.FC1);
        assertThat(unpermuted.sub(expected).amaxNumber().doubleValue()).isGreaterThan(1e-2);
        assertThat(nhwc.getParam("conv1_1_W")).isEqualTo(nchw.getParam("conv1_1_W"));
        assertThat(nhwc.getParam("bn1_1_" + BatchNormalizationParamInitializer.GLOBAL_VAR))
                .isEqualTo(nchw.getParam("bn1_1_" + BatchNormalizationParamInitializer.GLOBAL_VAR));
    }

    @Test
    void frozenZooVgg16WithRoadcodersHeadConverts() {
        ComputationGraph nchw = TransferHead.attach(Backbone.VGG16.build(BackboneOptions.square(64)), LAYOUT,
                LossKind.BCE.create(LAYOUT), HEAD.withFreezeUpTo("17"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64);
        InferenceNet nhwc = InferenceNet.fastest(nchw);
        assertThat(nhwc.format()).isEqualTo(CNN2DFormat.NHWC);
        assertThat(((LayerVertex) nhwc.graph().getConfiguration().getVertices().get("0")).getPreProcessor())
                .as("the zoo's flat-input reshape is NCHW only").isNull();
        Map<String, INDArray> actual = nhwc.graph().feedForward(nhwc.toInput(x), false);
        Map<String, INDArray> expected = nchw.feedForward(x, false);
        assertRelativelyClose(actual.get(TransferHead.FC1), expected.get(TransferHead.FC1));
        assertClose(actual.get(TransferHead.OUTPUT), expected.get(TransferHead.OUTPUT), 1e-4);
    }

    @Test
    void theTrainedNetworkIsLeftAsItWas() {
        ComputationGraph nchw = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT,
                LossKind.GROUPED.create(LAYOUT), HEAD);
        INDArray params = nchw.params().dup();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 96, 64);
        INDArray before = nchw.outputSingle(false, x);
        NhwcConversion.toNhwc(nchw);
        assertThat(nchw.params()).isEqualTo(params);
        assertThat(((ConvolutionLayer) nchw.getLayer("conv1_1").conf().getLayer()).getCnn2dDataFormat())
                .isEqualTo(CNN2DFormat.NCHW);
        assertThat(nchw.outputSingle(false, x)).isEqualTo(before);
    }

    @Test
    void denseRowsGoFromChwToHwcOrder() {
        // C=2, H=1, W=3: CHW row c*3+w; HWC order lists (w, c) pairs
        assertThat(NhwcConversion.hwcRowOrder(2, 1, 3)).containsExactly(0, 3, 1, 4, 2, 5);
        // C=2, H=2, W=1: CHW row c*2+h; HWC order lists (h, c) pairs
        assertThat(NhwcConversion.hwcRowOrder(2, 2, 1)).containsExactly(0, 2, 1, 3);
    }

    @Test
    void aLayerItDoesNotKnowIsNamedAndTheNetworkStaysNchw() {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).build(), "in")
                .addLayer("gap", new GlobalPoolingLayer(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                        .activation(Activation.IDENTITY).build(), "gap")
                .setOutputs("out").build());
        net.init();
        assertThat(NhwcConversion.blocker(net)).contains("gap").contains("GlobalPoolingLayer");
        assertThatThrownBy(() -> NhwcConversion.toNhwc(net)).hasMessageContaining("gap");
        assertThat(InferenceNet.fastest(net).format()).isEqualTo(CNN2DFormat.NCHW);
        assertThat(InferenceNet.fastest(net).graph()).isSameAs(net);
    }

    /** Gamma, beta, running mean and variance away from their initial 1, 0, 0, 1, as after training. */
    private static void randomiseBatchNorm(ComputationGraph net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        net.paramTable().forEach((name, p) -> {
            if (name.endsWith("_" + BatchNormalizationParamInitializer.GAMMA)
                    || name.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)) {
                p.assign(Nd4j.rand(p.dataType(), p.shape()).addi(0.5));
            } else if (name.endsWith("_" + BatchNormalizationParamInitializer.BETA)
                    || name.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)) {
                p.assign(Nd4j.randn(p.dataType(), p.shape()).muli(0.2));
            }
        });
    }

    /** Hidden activations are on the input's scale (pixels): within 1e-5 of their largest value. */
    private static void assertRelativelyClose(INDArray actual, INDArray expected) {
        double scale = expected.amaxNumber().doubleValue();
        assertThat(scale).as("activations that are not all zero").isGreaterThan(0);
        assertClose(actual, expected, 1e-5 * scale);
    }

    private static void assertClose(INDArray actual, INDArray expected, double eps) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        double diff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(diff).as("max abs difference").isLessThanOrEqualTo(eps);
    }
}
