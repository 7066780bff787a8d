package org.roadcoder.model.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;

class LearningRateScheduleTest {

    private static final HeadOptions HEAD = HeadOptions.defaults().withHidden(8).withDropRate(0)
            .withLearningRates(1e-4, 1e-2);

    private static ComputationGraph net() {
        return TransferHead.attach(Backbone.VGG11_BN.build(new BackboneOptions(64, 32, 1.0 / 16, 3)),
                TestLayouts.small(), LossKind.GROUPED.create(TestLayouts.small()), HEAD);
    }

    @Test
    void cosineTakesEveryLayerFromItsOwnRateToZeroAndAdamFollowsIt() {
        ComputationGraph net = net();
        DataSet batch = TransferHeadTest.tinyBatch();
        LearningRateSchedule.COSINE.apply(net, 4);
        assertThat(net.getLearningRate("conv1_1")).isCloseTo(1e-4, within(1e-12));
        assertThat(net.getLearningRate(TransferHead.FC1)).isCloseTo(1e-2, within(1e-12));
        net.fit(batch);
        // iteration 1 of 4: half a cosine from 1 to 0 gives (1 + cos(pi / 4)) / 2
        double f1 = 0.5 * (1 + Math.cos(Math.PI / 4));
        assertThat(net.getLearningRate("conv1_1")).isCloseTo(1e-4 * f1, within(1e-12));
        assertThat(net.getLearningRate(TransferHead.OUTPUT)).isCloseTo(1e-2 * f1, within(1e-12));
        net.fit(batch);
        assertThat(net.getLearningRate("bn1_1")).as("batch norm's scale and shift decay too").isCloseTo(0.5e-4, within(1e-12));
        assertThat(net.getLearningRate(TransferHead.FC2)).isCloseTo(0.5e-2, within(1e-12));
        net.fit(batch);
        net.fit(batch);
        assertThat(net.getLearningRate("conv1_1")).isZero();

        // at rate 0 Adam moves no weight (batch norm's running statistics still move, as they have no rate):
        // the optimiser reads the schedule, not only the configuration
        INDArray conv = net.getParam("conv1_1_W").dup();
        INDArray fc1 = net.getParam("fc1_W").dup();
        INDArray gamma = net.getParam("bn1_1_gamma").dup();
        net.fit(batch);
        assertThat(net.getParam("conv1_1_W")).isEqualTo(conv);
        assertThat(net.getParam("fc1_W")).isEqualTo(fc1);
        assertThat(net.getParam("bn1_1_gamma")).isEqualTo(gamma);
    }

    @Test
    void constantLeavesTheRatesAlone() {
        ComputationGraph net = net();
        LearningRateSchedule.CONSTANT.apply(net, 4);
        for (int i = 0; i < 3; i++) {
            net.fit(TransferHeadTest.tinyBatch());
        }
        assertThat(net.getLearningRate("conv1_1")).isEqualTo(1e-4);
        assertThat(net.getLearningRate(TransferHead.FC1)).isEqualTo(1e-2);
    }

    @Test
    void aResumedNetworkContinuesTheCurveAndApplyingAgainDoesNotCompound(@TempDir Path dir) throws Exception {
        ComputationGraph net = net();
        LearningRateSchedule.COSINE.apply(net, 8);
        net.fit(TransferHeadTest.tinyBatch());
        net.fit(TransferHeadTest.tinyBatch());
        File file = dir.resolve("checkpoint.zip").toFile();
        ModelSerializer.writeModel(net, file, true);

        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        double atTwo = 1e-2 * 0.5 * (1 + Math.cos(Math.PI * 2 / 8));
        assertThat(restored.getLearningRate(TransferHead.FC1)).isCloseTo(atTwo, within(1e-12));
        LearningRateSchedule.COSINE.apply(restored, 8);
        assertThat(restored.getLearningRate(TransferHead.FC1)).as("the same curve, from the configured rate")
                .isCloseTo(atTwo, within(1e-12));
        assertThat(restored.getLearningRate("conv1_1")).isCloseTo(1e-4 * 0.5 * (1 + Math.cos(Math.PI * 2 / 8)),
                within(1e-12));
        restored.fit(TransferHeadTest.tinyBatch());
        net.fit(TransferHeadTest.tinyBatch());
        assertThat(restored.params()).as("the same third step as without the checkpoint").isEqualTo(net.params());
    }

    @Test
    void badSchedulesAreRefusedByName() {
        assertThatThrownBy(() -> LearningRateSchedule.fromId("step")).hasMessageContaining("constant or cosine")
                .hasMessageContaining("step");
        assertThatThrownBy(() -> new CosineDecay(1e-3, 0)).hasMessageContaining("at least one iteration");
        assertThat(new CosineDecay(1e-3, 10).valueAt(20, 0)).as("after the last iteration").isZero();
    }
}
