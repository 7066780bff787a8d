package org.roadcoder.model.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.roadcoder.model.DoublePrecision;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;

class GroupedActivationTest {

    private static final OutputLayout LAYOUT = TestLayouts.small(); // flag, 3-way, flag, 2-way

    @Test
    void sigmoidOnFlagsSoftmaxWithinBlocks() {
        INDArray z = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, -1, 5, 5}});
        INDArray a = new GroupedActivation(LAYOUT).getActivation(z, false);

        double e = Math.E;
        double sum = e + e * e + e * e * e;
        assertThat(a.toDoubleVector()).containsExactly(new double[] {0.5, e / sum, e * e / sum, e * e * e / sum,
                1 / (1 + e), 0.5, 0.5}, within(1e-12));
        assertThat(a).as("in place, as DL4J's workspaces require").isSameAs(z);
    }

    @Test
    void blocksSumToOneAndFlagsStayInsideTheUnitInterval() {
        OutputLayout layout = TestLayouts.roadcoder();
        INDArray a = new GroupedActivation(layout).getActivation(Nd4j.randn(42L, new long[] {5, 28}).muli(4), false);
        for (OutputLayout.Block b : layout.blocks()) {
            for (int r = 0; r < 5; r++) {
                double total = 0;
                for (int i = b.offset(); i < b.end(); i++) {
                    double v = a.getDouble(r, i);
                    assertThat(v).isStrictlyBetween(0.0, 1.0);
                    total += v;
                }
                if (b.kind() == OutputLayout.Kind.SOFTMAX) {
                    assertThat(total).as(b.name()).isCloseTo(1.0, within(1e-6));
                }
            }
        }
    }

    @Test
    void rejectsAnArrayOfTheWrongWidth() {
        assertThatThrownBy(() -> new GroupedActivation(LAYOUT).getActivation(Nd4j.zeros(2, 6), false))
                .hasMessageContaining("over 7 outputs").hasMessageContaining("[2, 6]");
    }

    @Test
    void configurationJsonRoundTripIsEqual() {
        MultiLayerConfiguration conf = tinyNet(DataType.FLOAT, 3).getLayerWiseConfigurations();
        String json = conf.toJson();
        assertThat(json).contains(GroupedActivation.class.getName());
        assertThat(MultiLayerConfiguration.fromJson(json)).isEqualTo(conf);
    }

    @Test
    void modelSerializerRestoresIdenticalOutputs(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = tinyNet(DataType.FLOAT, 3);
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file);

        INDArray x = Nd4j.randn(5L, new long[] {4, 6}).castTo(DataType.FLOAT);
        assertThat(restored.getLayerWiseConfigurations()).isEqualTo(net.getLayerWiseConfigurations());
        assertThat(restored.output(x)).isEqualTo(net.output(x));
    }

    @Test
    void gradientCheckPassesInDoublePrecision() {
        try (DoublePrecision ignored = new DoublePrecision()) {
            MultiLayerNetwork net = tinyNet(DataType.DOUBLE, 11);
            INDArray x = Nd4j.randn(11L, new long[] {5, 6});
            INDArray y = TestLayouts.randomLabels(LAYOUT, 5, 11, DataType.DOUBLE);
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
            assertThat(ok).isTrue();
        }
    }

    @Test
    void backpropLeavesThePreActivationsAsTheyWere() {
        GroupedActivation fn = new GroupedActivation(LAYOUT);
        INDArray z = Nd4j.randn(3L, new long[] {4, LAYOUT.size()});
        INDArray before = z.dup();
        INDArray eps = Nd4j.randn(4L, new long[] {4, LAYOUT.size()});
        INDArray dz = fn.backprop(z, eps).getFirst();
        // DL4J's LossBinaryXENT backpropagates on the layer's own pre-activations, and a LossLayer scores them
        // after that; written in place, the score of the step was computed from dL/dz
        assertThat(z).isEqualTo(before);
        assertThat(dz).isNotSameAs(z);
        // and dz is still the gradient: a flag's eps * a (1 - a)
        INDArray a = fn.getActivation(before.dup(), false);
        double a0 = a.getDouble(0, 0);
        assertThat(dz.getDouble(0, 0)).isCloseTo(eps.getDouble(0, 0) * a0 * (1 - a0), within(1e-6));
    }

    /** 6 inputs -> tanh(5) -> grouped output over the small layout, binary cross-entropy. */
    static MultiLayerNetwork tinyNet(DataType type, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(type)
                .updater(new NoOp()).list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(new LossBinaryXENT()).nIn(5).nOut(LAYOUT.size())
                        .activation(new GroupedActivation(LAYOUT)).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
