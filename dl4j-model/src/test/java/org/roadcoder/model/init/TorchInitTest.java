package org.roadcoder.model.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.network.NetworkSpec;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;

/** model.init torch starts convolutions and dense layers as PyTorch's nn.Conv2d / nn.Linear do. */
class TorchInitTest {

    private static final BackboneOptions W16 = new BackboneOptions(32, 32, 1.0 / 16, 5);

    @Test
    void torchInitIsUniformInOneOverRootFanInWeightsAndBiasesAlike() throws Exception {
        ComputationGraph net = build(InitKind.TORCH);

        // conv3_1: 8 -> 16 channels, 3x3: fan_in 72; fc1: 32 features -> 16 hidden
        assertUniform(net.getLayer("conv3_1").getParam("W"), 1 / Math.sqrt(72));
        assertUniform(net.getLayer("conv3_1").getParam("b"), 1 / Math.sqrt(72));
        assertUniform(net.getLayer("fc1").getParam("W"), 1 / Math.sqrt(32));
        assertThat(net.getLayer("bn3_1").getParam("gamma").meanNumber().doubleValue()).isEqualTo(1.0);
    }

    @Test
    void heInitIsAbout2point45TimesWiderWithZeroBiases() throws Exception {
        ComputationGraph net = build(InitKind.HE);

        INDArray w = net.getLayer("conv3_1").getParam("W");
        assertThat(w.stdNumber().doubleValue()).isCloseTo(Math.sqrt(2.0 / 72), org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(net.getLayer("conv3_1").getParam("b").amaxNumber().doubleValue()).isZero();
    }

    private static void assertUniform(INDArray p, double bound) {
        assertThat(p.amaxNumber().doubleValue()).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
        if (p.length() > 500) { // U(-b, b) has standard deviation b / sqrt(3)
            assertThat(p.stdNumber().doubleValue()).isCloseTo(bound / Math.sqrt(3),
                    org.assertj.core.data.Percentage.withPercentage(10));
        }
    }

    private static ComputationGraph build(InitKind init) throws Exception {
        HeadOptions head = HeadOptions.defaults().withHidden(16).withSeed(5);
        return new NetworkSpec(Backbone.VGG11_BN, W16, WeightsSpec.parse("random"), LossKind.BCE, Map.of(), head, init,
                Map.of()).build(TestLayouts.small(), WeightsSource.defaults());
    }
}
