package org.roadcoder.model.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.activation.GroupedActivation;

/** Scores and gradients of the grouped loss on one hand-made row (layout: flag, 3-way, flag, 2-way). */
class GroupedLossTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    private static final GroupedActivation ACTIVATION = new GroupedActivation(LAYOUT);
    private static final INDArray Z = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3, -1, 5, 5}});
    private static final INDArray Y = Nd4j.createFromArray(new double[][] {{1, 0, 0, 1, 0, 1, 0}});

    private static final double E = Math.E;
    private static final double URBAN = Math.log(2); // -log sigmoid(0)
    private static final double CURVATURE = Math.log(E + E * E + E * E * E) - 3; // -log softmax(1,2,3)[2]
    private static final double LIGHTING = Math.log(1 + 1 / E); // -log(1 - sigmoid(-1))
    private static final double LANES = Math.log(2); // -log softmax(5,5)[0]

    @Test
    void scoreIsFlagBinaryPlusBlockCategoricalCrossEntropy() {
        double score = GroupedLoss.builder(LAYOUT).build().computeScore(Y, Z, ACTIVATION, null, true);
        assertThat(score).isCloseTo(URBAN + CURVATURE + LIGHTING + LANES, within(1e-12));
    }

    @Test
    void posWeightMultipliesOnlyThePositiveTermOfItsFlag() {
        GroupedLoss loss = GroupedLoss.builder(LAYOUT).optPosWeight("urban", 3).optPosWeight("lighting", 5).build();
        // lighting's label is 0, so its pos_weight changes nothing
        assertThat(loss.computeScore(Y, Z, ACTIVATION, null, true))
                .isCloseTo(3 * URBAN + CURVATURE + LIGHTING + LANES, within(1e-12));
    }

    @Test
    void outputWeightsScaleTheirTerms() {
        GroupedLoss loss = GroupedLoss.builder(LAYOUT).optWeights(0.5, 1, 1, 2, 1, 1, 7).build();
        // curvature's true class is output 3 (weight 2); lanes' true class is output 5, not 6
        assertThat(loss.computeScore(Y, Z, ACTIVATION, null, true))
                .isCloseTo(0.5 * URBAN + 2 * CURVATURE + LIGHTING + LANES, within(1e-12));
    }

    @Test
    void gradientIsActivationMinusLabelWhenUnweighted() {
        INDArray grad = GroupedLoss.builder(LAYOUT).build().computeGradient(Y, Z, ACTIVATION, null);
        INDArray expected = ACTIVATION.getActivation(Z.dup(), false).subi(Y);
        assertThat(grad.toDoubleVector()).containsExactly(expected.toDoubleVector(), within(1e-12));
    }

    @Test
    void scoreArrayIsPerExampleAndMaskZeroesExamples() {
        INDArray z = Nd4j.vstack(Z, Z.mul(2));
        INDArray y = Nd4j.vstack(Y, Y);
        GroupedLoss loss = GroupedLoss.builder(LAYOUT).build();
        INDArray perExample = loss.computeScoreArray(y, z, ACTIVATION, null);
        assertThat(perExample.shape()).containsExactly(2, 1);
        assertThat(perExample.getDouble(0, 0)).isCloseTo(URBAN + CURVATURE + LIGHTING + LANES, within(1e-12));

        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}});
        assertThat(loss.computeScore(y, z, ACTIVATION, mask, false)).isCloseTo(perExample.getDouble(0, 0), within(1e-12));
        assertThat(loss.computeGradient(y, z, ACTIVATION, mask).getRow(1).sumNumber().doubleValue()).isZero();
    }

    @Test
    void staysFiniteWhereProbabilitiesRoundToZeroOrOne() {
        INDArray z = Nd4j.createFromArray(new float[][] {{-200, 300, -300, 0, 200, -400, 400}});
        double score = GroupedLoss.builder(LAYOUT).build().computeScore(Y.castTo(DataType.FLOAT), z, ACTIVATION, null, true);
        // urban: softplus(200); curvature: logsumexp(300, -300, 0) - 0; lighting: softplus(200); lanes: 400 + 400
        assertThat(score).isCloseTo(200 + 300 + 200 + 800, within(1e-2));
    }

    @Test
    void needsTheGroupedActivationOverTheSameBlocks() {
        GroupedLoss loss = GroupedLoss.builder(LAYOUT).build();
        assertThatThrownBy(() -> loss.computeScore(Y, Z, new ActivationSigmoid(), null, true))
                .hasMessageContaining("needs the grouped activation");
        assertThatThrownBy(() -> loss.computeScore(Y, Z, new GroupedActivation(1, 3, 1, 1, 1), null, true))
                .hasMessageContaining("[1, 3, 1, 2]");
    }

    @Test
    void builderValidatesWeights() {
        assertThatThrownBy(() -> GroupedLoss.builder(LAYOUT).optWeights(1, 2)).hasMessageContaining("expected 7");
        assertThatThrownBy(() -> GroupedLoss.builder(LAYOUT).optPosWeight("curvature", 2)).hasMessageContaining("flags only");
        assertThatThrownBy(() -> GroupedLoss.builder(LAYOUT).optPosWeight("nope", 2)).hasMessageContaining("no output block");
        assertThatThrownBy(() -> GroupedLoss.builder(LAYOUT).optPosWeight("urban", 0)).hasMessageContaining("> 0");
    }

    @Test
    void lossKindsByName() {
        assertThat(LossKind.fromId("BCE")).isEqualTo(LossKind.BCE);
        assertThat(LossKind.GROUPED.create(LAYOUT)).isEqualTo(GroupedLoss.builder(LAYOUT).build());
        assertThat(LossKind.BCE.create(LAYOUT)).isInstanceOf(LossBinaryXENT.class);
        assertThatThrownBy(() -> LossKind.fromId("mse")).hasMessageContaining("[bce, grouped]");
    }
}
