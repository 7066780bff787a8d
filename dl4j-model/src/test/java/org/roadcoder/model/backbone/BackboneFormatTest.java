package org.roadcoder.model.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/** NHWC is a layout, not another network: same weights, same features, transposed. */
class BackboneFormatTest {

    private static final BackboneOptions NCHW = new BackboneOptions(64, 32, 1.0 / 16, 1);
    private static final BackboneOptions NHWC = NCHW.withFormat(CNN2DFormat.NHWC);

    @Test
    void nhwcBackboneComputesTheSameFeaturesTransposed() {
        BackboneGraph nchw = Backbone.VGG11_BN.build(NCHW);
        BackboneGraph nhwc = Backbone.VGG11_BN.build(NHWC);
        assertThat(nhwc.graph().params()).isEqualTo(nchw.graph().params());
        assertThat(nhwc.format()).isEqualTo(CNN2DFormat.NHWC);
        assertThat(nchw.format()).isEqualTo(CNN2DFormat.NCHW);

        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 64, 32);
        INDArray expected = nchw.graph().outputSingle(x);
        INDArray actual = nhwc.graph().outputSingle(x.permute(0, 2, 3, 1).dup()).permute(0, 3, 1, 2);
        assertThat(actual.equalsWithEps(expected, 1e-4)).as("max diff %s", actual.sub(expected).amaxNumber()).isTrue();
    }

    @Test
    void transferHeadTrainsOnAnNhwcBackbone() {
        OutputLayout layout = TestLayouts.small();
        ComputationGraph net = TransferHead.attach(Backbone.VGG16.build(NHWC), layout, LossKind.BCE.create(layout),
                HeadOptions.defaults().withHidden(8));
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 4, 64, 32, 3),
                TestLayouts.randomLabels(layout, 4, 1, DataType.FLOAT));
        INDArray before = net.getParam("conv1_1_W").dup();
        net.fit(batch);
        assertThat(net.getParam("conv1_1_W")).isNotEqualTo(before);
        assertThat(net.outputSingle(batch.getFeatures()).shape()).containsExactly(4, layout.size());
    }

    @Test
    void imagenetWeightsNeedTheZoosNchwGraph() {
        assertThatThrownBy(() -> Backbone.VGG16.imagenet(BackboneOptions.defaults().withFormat(CNN2DFormat.NHWC), null))
                .hasMessageContaining("NCHW");
    }
}
