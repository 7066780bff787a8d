package org.roadcoder.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;

/** A convolution computed in batch slices is the same convolution: outputs, weight, bias and input gradients. */
class ConvChunksTest {

    private static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces();

    private final ComputationGraph net = Backbone.VGG11_BN.build(new BackboneOptions(32, 32, 1.0 / 16, 3)).graph();
    private final FastConvolution conv = withGradients(net); // conv2_1: 4 -> 8 channels
    private final INDArray weights = conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    private final INDArray bias = conv.getParam(ConvolutionParamInitializer.BIAS_KEY);

    private static FastConvolution withGradients(ComputationGraph graph) {
        graph.initGradientsView();
        return (FastConvolution) graph.getLayer("conv2_1");
    }

    private INDArray random(long... shape) {
        return Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
    }

    @Test
    void backwardInSlicesSumsWeightAndBiasGradientsAndPlacesInputGradients() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = random(7, 4, 16, 16);
        INDArray delta = random(7, 8, 16, 16);
        Pair<Gradient, INDArray> whole = ConvChunks.backprop(conv, x, weights, bias, delta, 1, NO_WS);
        INDArray wholeW = whole.getFirst().getGradientFor(ConvolutionParamInitializer.WEIGHT_KEY).dup();
        INDArray wholeB = whole.getFirst().getGradientFor(ConvolutionParamInitializer.BIAS_KEY).dup();
        INDArray wholeX = whole.getSecond().dup();

        Pair<Gradient, INDArray> sliced = ConvChunks.backprop(conv, x, weights, bias, delta, 3, NO_WS); // 3+3+1
        assertThat(sliced.getSecond().equalsWithEps(wholeX, 1e-5)).isTrue();
        assertThat(sliced.getFirst().getGradientFor(ConvolutionParamInitializer.WEIGHT_KEY).equalsWithEps(wholeW, 1e-4))
                .isTrue();
        assertThat(sliced.getFirst().getGradientFor(ConvolutionParamInitializer.BIAS_KEY).equalsWithEps(wholeB, 1e-4))
                .isTrue();
        assertThat(wholeW.amaxNumber().doubleValue()).isGreaterThan(0.1); // not trivially zero
    }

    @Test
    void forwardInSlicesEqualsOneConvolution() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = random(5, 4, 16, 16);
        INDArray expected = Nd4j.create(DataType.FLOAT, 5, 8, 16, 16);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights, bias.reshape(bias.length()))
                .addIntegerArguments(3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1).addOutputs(expected).build());

        long oneImage = 8 * 16 * 16 * 4;
        INDArray sliced = ConvChunks.forward(conv, x, weights, bias, 2 * oneImage, NO_WS);
        assertThat(sliced).isNotNull();
        assertThat(sliced.equalsWithEps(expected, 1e-5)).isTrue();
        assertThat(ConvChunks.forward(conv, x, weights, bias, 100 * oneImage, NO_WS)).as("small enough: one call")
                .isNull();
    }

    @Test
    void slicesFollowTheBudgetAndNeverExceedTheBatch() {
        INDArray x = Nd4j.create(DataType.FLOAT, 16, 64, 56, 56); // 12.8 MB
        INDArray delta = Nd4j.create(DataType.FLOAT, 16, 64, 56, 56);
        assertThat(ConvChunks.parts(x, delta, 16L << 20)).isEqualTo(1);
        assertThat(ConvChunks.parts(x, delta, 4L << 20)).isEqualTo(4);
        assertThat(ConvChunks.parts(x, delta, 1)).isEqualTo(16);
        assertThat(ConvChunks.parts(x.permute(0, 2, 3, 1), delta, 1)).as("strided views are not sliced").isEqualTo(1);
    }
}
