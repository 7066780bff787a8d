package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pooled values worked out by hand; one flag (column 0) and a 2-way block (columns 1-2). */
class FramePoolingTest {

    private static final int[] BLOCKS = {1, 2};
    private static final double LOG3 = Math.log(3);

    /** Flag probabilities 0.5, 0.75, 0.25 (logits 0, log 3, -log 3); block logits (0, log 3), (0, 0), (log 3, 0). */
    private static final double[][] Z = {{0, 0, LOG3}, {LOG3, 0, 0}, {-LOG3, LOG3, 0}};

    @Test
    void flagPoolings() {
        assertThat(flag(FramePooling.Flags.MAX, 1)).isCloseTo(0.75, within(1e-12));
        // noisy-OR: 1 - 0.5 * 0.25 * 0.75
        assertThat(flag(FramePooling.Flags.NOISY_OR, 1)).isCloseTo(1 - 0.5 * 0.25 * 0.75, within(1e-12));
        // linear softmax: (0.25 + 0.5625 + 0.0625) / 1.5
        assertThat(flag(FramePooling.Flags.LINEAR_SOFTMAX, 1)).isCloseTo(0.875 / 1.5, within(1e-12));
        // lse: r -> 0 is the mean logit (0), r large the max logit (log 3)
        assertThat(logit(FramePooling.Flags.LSE, 1e-6)).isCloseTo(0, within(1e-6));
        assertThat(logit(FramePooling.Flags.LSE, 200)).isCloseTo(LOG3, within(0.01));
        assertThat(logit(FramePooling.Flags.LSE, 1)).isCloseTo(Math.log((1 + 3 + 1 / 3.0) / 3), within(1e-12));
    }

    @Test
    void exclusivePoolings() {
        double[] meanLogits = pool(FramePooling.Flags.MAX, FramePooling.Exclusive.MEAN_LOGITS);
        // mean logits (log 3 / 3, log 3 / 3): a tie, 0.5 each
        assertThat(meanLogits[1]).isCloseTo(0.5, within(1e-12));
        double[] meanProbs = pool(FramePooling.Flags.MAX, FramePooling.Exclusive.MEAN_PROBS);
        // frame probabilities (0.25, 0.75), (0.5, 0.5), (0.75, 0.25): mean 0.5
        assertThat(meanProbs[1]).isCloseTo(0.5, within(1e-12));
        double[][] skewed = {{0, 0, 5}, {0, 0, 0}};
        double[] p = new FramePooling(FramePooling.Flags.MAX, FramePooling.Exclusive.MEAN_PROBS, 1)
                .poolProbabilities(BLOCKS, PoolingMathProbe.activate(skewed));
        double sure = 1 / (1 + Math.exp(-5));
        assertThat(p[2]).isCloseTo((sure + 0.5) / 2, within(1e-12));
        assertThat(p[1] + p[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void frameProbabilitiesPoolAsTheirLogitsDo() {
        for (FramePooling.Flags f : FramePooling.Flags.values()) {
            for (FramePooling.Exclusive e : FramePooling.Exclusive.values()) {
                FramePooling pooling = new FramePooling(f, e, 2);
                double[] fromLogits = PoolingMath.activate(BLOCKS, pooling.forward(BLOCKS, Z));
                double[] fromProbabilities = pooling.poolProbabilities(BLOCKS, PoolingMathProbe.activate(Z));
                assertThat(fromProbabilities).as(pooling.toString()).containsExactly(fromLogits, within(1e-9));
            }
        }
    }

    @Test
    void hybridTrainingKeepsFrameTrainedBlocksPerFrameAndCopiesPooledOnesToEveryFrame() {
        // the flag (block 0) pooled with lse, the 2-way block (block 1) trained per frame
        FramePooling hybrid = new FramePooling(FramePooling.Flags.LSE, FramePooling.Exclusive.MEAN_LOGITS, 1,
                java.util.Set.of(1));
        double[][] rows = hybrid.trainForward(BLOCKS, Z);
        double lse = Math.log((1 + 3 + 1 / 3.0) / 3);
        for (int t = 0; t < Z.length; t++) {
            assertThat(rows[t][0]).isCloseTo(lse, within(1e-12));
            assertThat(rows[t][1]).isEqualTo(Z[t][1]);
            assertThat(rows[t][2]).isEqualTo(Z[t][2]);
        }
        // backward: a frame-trained block passes each frame's gradient through; a pooled one sums its copies'
        double[][] eps = {{1, 0.5, -0.5}, {2, 0.25, 0}, {-1, 0, 1}};
        double[][] grad = hybrid.trainBackward(BLOCKS, Z, eps);
        double[][] pooledOnly = new FramePooling(FramePooling.Flags.LSE, FramePooling.Exclusive.MEAN_LOGITS, 1)
                .backward(BLOCKS, Z, new double[] {2, 0, 0});
        for (int t = 0; t < Z.length; t++) {
            assertThat(grad[t][0]).isCloseTo(pooledOnly[t][0], within(1e-12));
            assertThat(new double[] {grad[t][1], grad[t][2]}).containsExactly(eps[t][1], eps[t][2]);
        }
        // segment codes: the frame-trained block pools as a frame-level model's (mean probabilities)
        double[] coded = hybrid.poolProbabilities(BLOCKS, PoolingMathProbe.activate(Z));
        assertThat(coded[1]).isCloseTo(0.5, within(1e-12));
        assertThat(coded[0]).isCloseTo(1 / (1 + Math.exp(-lse)), within(1e-12));
        assertThatThrownBy(() -> hybrid.withFrameBlocks(java.util.Set.of(2)).forward(BLOCKS, Z))
                .hasMessageContaining("frame-trained block 2 but the output has 2 blocks");
    }

    @Test
    void configurationNamesAndBadValues() {
        assertThat(FramePooling.flags("noisy_or")).isEqualTo(FramePooling.Flags.NOISY_OR);
        assertThat(FramePooling.exclusive("mean_logits")).isEqualTo(FramePooling.Exclusive.MEAN_LOGITS);
        assertThatThrownBy(() -> FramePooling.flags("mean")).hasMessage(
                "unknown pooling 'mean'; known: [max, lse, noisy_or, linear_softmax]");
        assertThatThrownBy(() -> new FramePooling(FramePooling.Flags.LSE, FramePooling.Exclusive.MEAN_LOGITS, 0))
                .hasMessageContaining("temperature must be a positive number, got 0.0");
    }

    private static double flag(FramePooling.Flags flags, double r) {
        return PoolingMath.sigmoid(logit(flags, r));
    }

    private static double logit(FramePooling.Flags flags, double r) {
        return new FramePooling(flags, FramePooling.Exclusive.MEAN_LOGITS, r).forward(BLOCKS, Z)[0];
    }

    private static double[] pool(FramePooling.Flags f, FramePooling.Exclusive e) {
        return PoolingMath.activate(BLOCKS, new FramePooling(f, e, 1).forward(BLOCKS, Z));
    }

    /** Frame probabilities from logits. */
    private static final class PoolingMathProbe {
        static double[][] activate(double[][] z) {
            double[][] p = new double[z.length][];
            for (int t = 0; t < z.length; t++) {
                p[t] = PoolingMath.activate(BLOCKS, z[t]);
            }
            return p;
        }
    }
}
