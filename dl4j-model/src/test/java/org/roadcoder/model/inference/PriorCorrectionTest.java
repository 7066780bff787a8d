package org.roadcoder.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.segment.SegmentNetworks;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/** The exclusive groups' decision corrected for the training prior, carried by the weights. */
class PriorCorrectionTest {

    /** A flag, then an exclusive group of three categories. */
    private static final OutputLayout LAYOUT = OutputLayout.builder().flag("crossing").exclusive("median", 3).build();
    /** Ten training frames: median 7 x common, 2 x second, 1 x rare; the crossing in three. */
    private static final double[][] TRAIN = labels(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 2}, 3);
    private static final BackboneOptions TINY = new BackboneOptions(32, 32, 1.0 / 16, 3);

    @Test
    void sharesAreTheTrainingFramesCategoryFractionsWithOnePseudoCount() {
        PriorCorrection c = PriorCorrection.of(LAYOUT, TRAIN, 0.5);
        assertThat(c.shares()).containsOnlyKeys("median");
        assertThat(c.shares().get("median")).containsExactly(new double[] {8.0 / 13, 3.0 / 13, 2.0 / 13}, within(1e-12));
        double[] offsets = c.logitOffsets(LAYOUT);
        assertThat(offsets[0]).isZero();
        assertThat(offsets[3]).isCloseTo(-0.5 * Math.log(2.0 / 13), within(1e-12));
        // a category never seen in training gets a large, finite offset
        double[] none = PriorCorrection.of(LAYOUT, labels(new int[] {0, 0, 0, 1}, 0), 1).logitOffsets(LAYOUT);
        assertThat(none[3]).isFinite().isCloseTo(Math.log(7), within(1e-12));
    }

    @Test
    void theCorrectedNetworkGivesTheProbabilitiesDividedByTheSharesToTheTauAndLeavesFlagsAlone() {
        ComputationGraph net = frameNet();
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 32, 32);
        double[][] before = net.outputSingle(false, x).toDoubleMatrix();
        PriorCorrection c = PriorCorrection.of(LAYOUT, TRAIN, 0.75);
        c.applyTo(net, LAYOUT);
        double[][] after = net.outputSingle(false, x).toDoubleMatrix();
        double[] s = c.shares().get("median");
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i][0]).isCloseTo(before[i][0], within(1e-6));
            double[] expected = new double[3];
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                expected[k] = before[i][1 + k] / Math.pow(s[k], 0.75);
                sum += expected[k];
            }
            for (int k = 0; k < 3; k++) {
                assertThat(after[i][1 + k]).isCloseTo(expected[k] / sum, within(1e-5));
            }
        }
        // the same correction in probability space (what the tuning scores) is what the network gives
        double[][] corrected = c.correct(LAYOUT, before);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).containsExactly(corrected[i], within(1e-5));
        }
        c.undoFrom(net, LAYOUT);
        assertThat(net.outputSingle(false, x).toDoubleMatrix()).isDeepEqualTo(before);
    }

    @Test
    void aCloseCallBetweenTheCommonAndTheRareCategoryGoesToTheRareOne() {
        ComputationGraph net = frameNet();
        // the network's own logits give the common category 0.45, the rare one 0.40
        INDArray bias = net.getLayer(net.getConfiguration().getNetworkOutputs().get(0)).getParam("b");
        net.getLayer(net.getConfiguration().getNetworkOutputs().get(0)).getParam("W").assign(0);
        bias.assign(Nd4j.createFromArray(new float[] {0, (float) Math.log(0.45), (float) Math.log(0.15),
                (float) Math.log(0.40)}).reshape(bias.shape()));
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32);
        assertThat(argmaxMedian(net.outputSingle(false, x))).isZero();
        PriorCorrection.of(LAYOUT, TRAIN, 0.5).applyTo(net, LAYOUT);
        assertThat(argmaxMedian(net.outputSingle(false, x))).isEqualTo(2);
    }

    @Test
    void tuningPicksTheExponentWithTheBestValidationMacroF1AndThePlainArgmaxWhenNothingIsGained() {
        PriorCorrection c = PriorCorrection.of(LAYOUT, TRAIN, 0);
        // the rare category (truth of the last two frames) always comes second to the common one, narrowly
        double[][] p = {{0.1, 0.60, 0.10, 0.30}, {0.1, 0.55, 0.15, 0.30}, {0.1, 0.50, 0.15, 0.35},
            {0.1, 0.48, 0.12, 0.40}, {0.1, 0.70, 0.20, 0.10}, {0.1, 0.80, 0.10, 0.10}};
        double[][] y = labels(new int[] {0, 0, 2, 2, 0, 0}, 0);
        PriorCorrection.Tuned t = c.tune(LAYOUT, p, y);
        assertThat(t.scores()).containsOnlyKeys(0.0, 0.25, 0.5, 0.75, 1.0);
        double best = t.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(t.scores().get(t.chosen().tau())).isEqualTo(best);
        assertThat(t.chosen().tau()).isPositive();
        assertThat(best).isGreaterThan(t.scores().get(0.0));
        assertThat(t.describe()).startsWith("tau ").contains("tuned on validation");
        // where every category is already found, no correction is chosen
        double[][] easy = {{0.1, 0.9, 0.05, 0.05}, {0.1, 0.05, 0.9, 0.05}, {0.1, 0.05, 0.05, 0.9}};
        assertThat(c.tune(LAYOUT, easy, labels(new int[] {0, 1, 2}, 0)).chosen().tau()).isZero();
    }

    @Test
    void theModelFileRecordsTheCorrectionSoItCanBeTakenOutAgain(@TempDir Path dir) throws Exception {
        ComputationGraph net = frameNet();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        INDArray trained = net.outputSingle(false, x);
        PriorCorrection c = PriorCorrection.of(LAYOUT, TRAIN, 1.0);
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        assertThat(PriorCorrection.readFrom(file)).isNull();
        c.applyTo(net, LAYOUT);
        ModelSerializer.writeModel(net, file, false);
        c.addTo(file);

        PriorCorrection read = PriorCorrection.readFrom(file);
        assertThat(read.tau()).isEqualTo(1.0);
        assertThat(read.shares().get("median")).containsExactly(c.shares().get("median"));
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, false);
        assertThat(restored.outputSingle(false, x)).isEqualTo(net.outputSingle(false, x));
        PriorCorrection.removeFrom(restored, file, LAYOUT);
        assertThat(restored.outputSingle(false, x).reshape(-1).toDoubleVector())
                .containsExactly(trained.reshape(-1).toDoubleVector(), within(1e-6));
    }

    @Test
    void aSegmentLevelNetworkIsCorrectedOnItsFrameLogits() {
        FramePooling pooling = new FramePooling(FramePooling.Flags.MAX, FramePooling.Exclusive.MEAN_LOGITS, 1);
        ComputationGraph net = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT,
                LossKind.GROUPED.create(LAYOUT), head(), pooling);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 32, 32);
        double[][] before = SegmentNetworks.frameView(net).outputSingle(false, x).toDoubleMatrix();
        PriorCorrection.of(LAYOUT, TRAIN, 1.0).applyTo(net, LAYOUT);
        double[][] after = SegmentNetworks.frameView(net).outputSingle(false, x).toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            assertThat(after[i][0]).isCloseTo(before[i][0], within(1e-6));
            assertThat(after[i][3] / after[i][1]).isCloseTo(before[i][3] / before[i][1] * 4, within(1e-3));
        }
    }

    @Test
    void anExponentOutsideZeroToTwoIsRefused() {
        assertThatThrownBy(() -> PriorCorrection.of(LAYOUT, TRAIN, -0.1))
                .hasMessageContaining("exponent must be in [0, 2], got -0.1");
    }

    private static int argmaxMedian(INDArray out) {
        double[] row = out.toDoubleMatrix()[0];
        return LAYOUT.blocks().get(1).argmax(row);
    }

    private static ComputationGraph frameNet() {
        return TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT, LossKind.BCE.create(LAYOUT), head());
    }

    private static HeadOptions head() {
        return HeadOptions.defaults().withHidden(8).withDropRate(0).withLearningRates(1e-3, 1e-2);
    }

    /** One-hot median rows, the crossing flag set in the first {@code crossings}. */
    private static double[][] labels(int[] median, int crossings) {
        double[][] y = new double[median.length][4];
        for (int i = 0; i < median.length; i++) {
            y[i][0] = i < crossings ? 1 : 0;
            y[i][1 + median[i]] = 1;
        }
        return y;
    }
}
