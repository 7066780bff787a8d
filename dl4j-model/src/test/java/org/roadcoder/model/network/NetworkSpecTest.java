package org.roadcoder.model.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.OnnxWeights;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.loss.GroupedLoss;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;

class NetworkSpecTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    private static final BackboneOptions W32 = new BackboneOptions(64, 64, 1.0 / 32, 1);
    private static final Path ONNX = Path.of("src/test/resources/onnx/vgg11_bn_w32.onnx");

    @TempDir
    Path dir;

    @Test
    void weightsAreParsedFromConfigurationText() {
        assertThat(WeightsSpec.parse("ImageNet")).isEqualTo(new WeightsSpec(WeightsSpec.Kind.IMAGENET, null));
        assertThat(WeightsSpec.parse("onnx:/m/vgg11_bn.onnx").file()).isEqualTo(Path.of("/m/vgg11_bn.onnx"));
        assertThat(WeightsSpec.parse("keras:a.h5").toString()).isEqualTo("keras:a.h5");
        assertThatThrownBy(() -> WeightsSpec.parse("onnx:")).hasMessageContaining("keras:<file.h5>");
        assertThatThrownBy(() -> new WeightsSpec(WeightsSpec.Kind.KERAS, null)).hasMessageContaining("need a file");
    }

    @Test
    void buildsTheBackboneWithItsWeightsAndTheHeadFrozenUpToTheFeatures() throws Exception {
        NetworkSpec spec = new NetworkSpec(Backbone.VGG11_BN, W32, WeightsSpec.parse("onnx:" + ONNX), LossKind.GROUPED,
                Map.of("lighting", 3.0), HeadOptions.defaults().withHidden(5).withFreezeUpTo(NetworkSpec.FEATURES));
        ComputationGraph net = spec.build(LAYOUT, WeightsSource.defaults().withCacheDir(dir));

        BackboneGraph reference = Backbone.VGG11_BN.build(W32);
        OnnxWeights.load(ONNX, reference);
        assertThat(net.getParam("conv3_2_W")).isEqualTo(reference.graph().getParam("conv3_2_W"));
        assertThat(net.getLayer("relu5_2")).isInstanceOf(FrozenLayer.class);
        assertThat(((OutputLayer) net.getLayer("output").conf().getLayer()).getLossFn())
                .isEqualTo(GroupedLoss.builder(LAYOUT).optPosWeight("lighting", 3.0).build());
        assertThat(net.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64)).shape()).containsExactly(2, 7);
    }

    @Test
    void posWeightNeedsTheGroupedLoss() {
        assertThatThrownBy(() -> new NetworkSpec(Backbone.VGG16, W32, WeightsSpec.parse("random"), LossKind.BCE,
                Map.of("lighting", 2.0), HeadOptions.defaults())).hasMessageContaining("needs the grouped loss");
    }
}
