package org.roadcoder.model.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.roadcoder.model.DoublePrecision;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.activation.GroupedActivation;

/** Both losses inside a real output layer: DL4J gradient checks and model-file round trips. */
class GroupedLossNetworkTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    private static final GroupedLoss WEIGHTED = GroupedLoss.builder(LAYOUT)
            .optWeights(0.5, 1, 2, 1, 1, 3, 1).optPosWeight("lighting", 4).build();

    @Test
    void gradientChecksPassForBothLossesWeightedOrNot() {
        try (DoublePrecision ignored = new DoublePrecision()) {
            INDArray x = Nd4j.randn(3L, new long[] {6, 5});
            INDArray y = TestLayouts.randomLabels(LAYOUT, 6, 3, DataType.DOUBLE);
            for (ILossFunction loss : new ILossFunction[] {LossKind.BCE.create(LAYOUT), LossKind.GROUPED.create(LAYOUT),
                    WEIGHTED}) {
                MultiLayerNetwork net = tinyNet(loss, DataType.DOUBLE);
                boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                        .labels(y).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
                assertThat(ok).as(loss.toString()).isTrue();
            }
        }
    }

    @Test
    void weightedLossSurvivesConfigJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = tinyNet(WEIGHTED, DataType.FLOAT);
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        assertThat(MultiLayerConfiguration.fromJson(conf.toJson())).isEqualTo(conf);

        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file);
        DataSet data = new DataSet(Nd4j.randn(4L, new long[] {4, 5}).castTo(DataType.FLOAT),
                TestLayouts.randomLabels(LAYOUT, 4, 4, DataType.FLOAT));
        assertThat(((OutputLayer) restored.getLayerWiseConfigurations().getConf(1).getLayer()).getLossFn())
                .isEqualTo(WEIGHTED);
        assertThat(restored.output(data.getFeatures())).isEqualTo(net.output(data.getFeatures()));
        assertThat(restored.score(data)).isEqualTo(net.score(data));
    }

    private static MultiLayerNetwork tinyNet(ILossFunction loss, DataType type) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(type)
                .updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(loss).nIn(4).nOut(LAYOUT.size())
                        .activation(new GroupedActivation(LAYOUT)).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
