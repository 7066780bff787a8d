package org.roadcoder.model.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.activation.GroupedActivation;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;

class TransferHeadTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    private static final BackboneOptions TINY = new BackboneOptions(64, 32, 1.0 / 16, 3);
    private static final HeadOptions HEAD = HeadOptions.defaults().withHidden(8).withDropRate(0.2)
            .withLearningRates(1e-4, 1e-2);

    @Test
    void fineTuningKeepsEveryLayerTrainableWithTheFeaturesSlower() {
        ComputationGraph net = attach(HEAD);
        assertThat(learningRate(net, "conv1_1")).isEqualTo(1e-4);
        assertThat(learningRate(net, "bn5_2")).isEqualTo(1e-4);
        assertThat(learningRate(net, TransferHead.FC1)).isEqualTo(1e-2);
        assertThat(learningRate(net, TransferHead.OUTPUT)).isEqualTo(1e-2);

        INDArray conv = net.getParam("conv1_1_W").dup();
        INDArray fc1 = net.getParam("fc1_W").dup();
        net.fit(tinyBatch());
        assertThat(net.getParam("conv1_1_W")).isNotEqualTo(conv);
        assertThat(net.getParam("fc1_W")).isNotEqualTo(fc1);
    }

    @Test
    void networksAttachedToOneBackboneTrainIndependently() {
        BackboneGraph backbone = Backbone.VGG11_BN.build(TINY);
        ComputationGraph a = TransferHead.attach(backbone, LAYOUT, LossKind.GROUPED.create(LAYOUT), HEAD);
        ComputationGraph b = TransferHead.attach(backbone, LAYOUT, LossKind.GROUPED.create(LAYOUT), HEAD.withHidden(4));
        INDArray before = b.getParam("conv1_1_W").dup();
        a.fit(tinyBatch());
        assertThat(a.getParam("conv1_1_W")).isNotEqualTo(before);
        assertThat(b.getParam("conv1_1_W")).isEqualTo(before);
        assertThat(backbone.graph().getParam("conv1_1_W")).isEqualTo(before);
    }

    @Test
    void bothLossesLearnAFixedBatch() {
        DataSet batch = tinyBatch();
        for (LossKind loss : LossKind.values()) {
            ComputationGraph net = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT, loss.create(LAYOUT),
                    HEAD.withDropRate(0).withFreezeUpTo("pool5"));
            double before = net.score(batch);
            for (int i = 0; i < 25; i++) {
                net.fit(batch);
            }
            assertThat(net.score(batch)).as(loss.id()).isLessThan(0.4 * before);
        }
    }

    @Test
    void headIsTwoHiddenLayersAndTheGroupedOutput() {
        ComputationGraph net = attach(HEAD);
        assertThat(net.getLayer(TransferHead.FC1).getParam("W").shape()).containsExactly(32 * 2 * 1, 8);
        assertThat(net.getLayer(TransferHead.FC2).getParam("W").shape()).containsExactly(8, 8);
        assertThat(conf(net, TransferHead.OUTPUT).getActivationFn()).isEqualTo(new GroupedActivation(LAYOUT));
        assertThat(net.outputSingle(tinyBatch().getFeatures()).shape()).containsExactly(3, 7);
    }

    @Test
    void dropRateBecomesDl4jsKeepProbabilityOnTheInputsOfFc2AndOutput() {
        ComputationGraph net = attach(HEAD);
        assertThat(conf(net, TransferHead.FC1).getIDropout()).isNull();
        assertThat(((Dropout) conf(net, TransferHead.FC2).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(((Dropout) conf(net, TransferHead.OUTPUT).getIDropout()).getP()).isEqualTo(0.8);
        assertThat(conf(attach(HEAD.withDropRate(0)), TransferHead.FC2).getIDropout()).isNull();
    }

    @Test
    void freezingUpToALayerFreezesItAndEverythingBefore() {
        ComputationGraph net = attach(HEAD.withFreezeUpTo("pool3"));
        assertThat(net.getLayer("conv1_1")).isInstanceOf(FrozenLayer.class);
        assertThat(net.getLayer("relu3_2")).isInstanceOf(FrozenLayer.class);
        assertThat(net.getLayer("conv4_1")).isNotInstanceOf(FrozenLayer.class);

        INDArray frozen = net.getParam("conv3_2_W").dup();
        INDArray trainable = net.getParam("conv4_1_W").dup();
        net.fit(tinyBatch());
        assertThat(net.getParam("conv3_2_W")).isEqualTo(frozen);
        assertThat(net.getParam("conv4_1_W")).isNotEqualTo(trainable);
    }

    @Test
    void zooVgg16LosesItsImageNetClassifier() {
        ComputationGraph net = TransferHead.attach(Backbone.VGG16.build(BackboneOptions.square(32)), LAYOUT,
                LossKind.BCE.create(LAYOUT), HEAD.withFreezeUpTo("17"));
        assertThat(net.getConfiguration().getVertices()).doesNotContainKeys("18", "19", "20");
        assertThat(net.getConfiguration().getNetworkOutputs()).containsExactly(TransferHead.OUTPUT);
        assertThat(net.getLayer(TransferHead.FC1).getParam("W").shape()).containsExactly(512, 8);
        assertThat(net.outputSingle(Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32)).shape()).containsExactly(1, 7);
    }

    @Test
    void transferredNetworkSurvivesModelSerializer(@TempDir Path dir) throws Exception {
        ComputationGraph net = attach(HEAD.withFreezeUpTo("pool2"));
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file);
        INDArray x = tinyBatch().getFeatures();
        assertThat(restored.getConfiguration()).isEqualTo(net.getConfiguration());
        assertThat(restored.outputSingle(x)).isEqualTo(net.outputSingle(x));
    }

    @Test
    void rejectsAFreezePointOutsideTheFeatures() {
        assertThatThrownBy(() -> attach(HEAD.withFreezeUpTo("conv9_9"))).hasMessageContaining("'conv9_9'")
                .hasMessageContaining("pool5");
        assertThatThrownBy(() -> HEAD.withDropRate(1.0)).hasMessageContaining("probability of dropping");
    }

    private static ComputationGraph attach(HeadOptions head) {
        return TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT, LossKind.GROUPED.create(LAYOUT), head);
    }

    static DataSet tinyBatch() {
        return new DataSet(Nd4j.randn(9L, new long[] {3, 3, 64, 32}).castTo(DataType.FLOAT),
                TestLayouts.randomLabels(LAYOUT, 3, 9, DataType.FLOAT));
    }

    private static BaseLayer conf(ComputationGraph net, String layer) {
        return (BaseLayer) net.getLayer(layer).conf().getLayer();
    }

    private static double learningRate(ComputationGraph net, String layer) {
        return ((Adam) conf(net, layer).getIUpdater()).getLearningRate();
    }
}
