package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.roadcoder.model.DoublePrecision;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.activation.GroupedActivation;
import org.roadcoder.model.loss.GroupedLoss;

/** The pooling vertex inside a real graph: gradients, masks, model files. */
class SegmentPoolVertexTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    /** Three segments of 3, 1 and 2 frames (T = 3): 6 packed frame rows. */
    private static final double[][] MASK = {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}};

    @Test
    void gradientChecksPassForEveryPoolingWithShortSegments() {
        try (DoublePrecision ignored = new DoublePrecision()) {
            INDArray x = Nd4j.randn(5L, new long[] {6, 4});
            INDArray mask = Nd4j.createFromArray(MASK);
            INDArray y = TestLayouts.randomLabels(LAYOUT, 3, 8, DataType.DOUBLE);
            // every flag pooling with every exclusive one, in four graphs
            FramePooling.Exclusive[] exclusive = FramePooling.Exclusive.values();
            for (FramePooling.Flags flags : FramePooling.Flags.values()) {
                assertGradientsPass(new FramePooling(flags, exclusive[flags.ordinal() % exclusive.length], 2.0), x, mask, y);
            }
        }
    }

    @Test
    void gradientChecksPassInHybridTraining() {
        try (DoublePrecision ignored = new DoublePrecision()) {
            INDArray x = Nd4j.randn(5L, new long[] {6, 4});
            INDArray mask = Nd4j.createFromArray(MASK);
            INDArray segmentLabels = TestLayouts.randomLabels(LAYOUT, 3, 8, DataType.DOUBLE);
            // urban and lighting (blocks 0 and 2) pooled, the two exclusive blocks trained per frame; and the reverse
            for (FramePooling.Flags flags : FramePooling.Flags.values()) {
                for (java.util.Set<Integer> perFrame : java.util.List.of(java.util.Set.of(1, 3), java.util.Set.of(0, 2))) {
                    assertGradientsPass(new FramePooling(flags, FramePooling.Exclusive.MEAN_PROBS, 2.0, perFrame), x, mask,
                            segmentLabels);
                }
            }
        }
    }

    @Test
    void hybridTrainingScoresEveryFrameAgainstItsSegmentsLabel() {
        FramePooling pooling = FramePooling.segmentDefault().withFrameBlocks(java.util.Set.of(1, 3));
        ComputationGraph net = tinyGraph(pooling, DataType.DOUBLE);
        INDArray x = Nd4j.randn(7L, new long[] {6, 4}).castTo(DataType.DOUBLE);
        INDArray mask = Nd4j.createFromArray(MASK);
        INDArray out = net.outputSingle(false, x, mask);
        double[][] z = net.feedForward(new INDArray[] {x, mask}, false).get("frame_logits").toDoubleMatrix();
        int[][] members = {{0, 1, 2}, {3}, {4, 5}};
        for (int b = 0; b < 3; b++) {
            double sum = 0;
            for (int t : members[b]) {
                sum += Math.exp(z[t][0]);
            }
            // the pooled flag: lse (r = 1) of the segment's frame logits, the same on each of its frames
            double urban = PoolingMath.sigmoid(Math.log(sum / members[b].length));
            for (int t : members[b]) {
                assertThat(out.getDouble(t, 0)).isCloseTo(urban, within(1e-9));
                // the frame-trained curvature block: the frame's own softmax
                assertThat(new double[] {out.getDouble(t, 1), out.getDouble(t, 2), out.getDouble(t, 3)})
                        .containsExactly(PoolingMath.softmax(z[t], 1, 3), within(1e-9));
            }
        }
        INDArray labels = SegmentNetworks.trainingLabels(net, Nd4j.createFromArray(new double[][] {
                {1, 1, 0, 0, 0, 0, 1}, {0, 0, 1, 0, 1, 1, 0}, {1, 0, 0, 1, 0, 0, 1}}), mask);
        assertThat(labels.getRow(2).toDoubleVector()).containsExactly(1, 1, 0, 0, 0, 0, 1);
        assertThat(labels.getRow(3).toDoubleVector()).containsExactly(0, 0, 1, 0, 1, 1, 0);
        assertThat(labels.getRow(5).toDoubleVector()).containsExactly(1, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void aSegmentsPooledOutputDependsOnlyOnItsOwnFrames() {
        ComputationGraph net = tinyGraph(FramePooling.segmentDefault(), DataType.FLOAT);
        INDArray x = Nd4j.randn(6L, new long[] {6, 4}).castTo(DataType.FLOAT);
        INDArray batch = net.outputSingle(false, x, Nd4j.createFromArray(MASK).castTo(DataType.FLOAT));
        // the third segment alone, with a mask as long as a full segment (T = 10)
        float[][] alone = new float[1][10];
        alone[0][0] = 1;
        alone[0][1] = 1;
        INDArray single = net.outputSingle(false, x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 6)),
                Nd4j.createFromArray(alone));
        assertThat(single.getRow(0).toFloatVector()).containsExactly(batch.getRow(2).toFloatVector());
        // other segments' frames changed: the third segment's output does not move
        INDArray changed = x.dup();
        changed.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)).assign(100);
        INDArray again = net.outputSingle(false, changed, Nd4j.createFromArray(MASK).castTo(DataType.FLOAT));
        assertThat(again.getRow(2).toFloatVector()).containsExactly(batch.getRow(2).toFloatVector());
        assertThat(again.getRow(0).toFloatVector()).isNotEqualTo(batch.getRow(0).toFloatVector());
    }

    @Test
    void aMaskThatDoesNotMatchTheFramesIsRefused() {
        ComputationGraph net = tinyGraph(FramePooling.segmentDefault(), DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        assertThatThrownBy(() -> net.outputSingle(false, x, Nd4j.createFromArray(MASK).castTo(DataType.FLOAT)))
                .hasStackTraceContaining("the frame mask counts 6 frames but the frame logits are [5, 7]");
        INDArray empty = Nd4j.createFromArray(new float[][] {{1, 1, 1}, {0, 0, 0}});
        assertThatThrownBy(() -> net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 3, 4), empty))
                .hasStackTraceContaining("segment 1 of the batch has no frames");
    }

    @Test
    void theVertexSurvivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        FramePooling pooling = new FramePooling(FramePooling.Flags.NOISY_OR, FramePooling.Exclusive.MEAN_PROBS, 3,
                java.util.Set.of(1, 2));
        ComputationGraph net = tinyGraph(pooling, DataType.FLOAT);
        ComputationGraphConfiguration conf = net.getConfiguration();
        assertThat(ComputationGraphConfiguration.fromJson(conf.toJson())).isEqualTo(conf);
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        assertThat(SegmentNetworks.pooling(restored)).isEqualTo(pooling);
        INDArray[] in = {Nd4j.rand(DataType.FLOAT, 6, 4), Nd4j.createFromArray(MASK).castTo(DataType.FLOAT)};
        assertThat(restored.outputSingle(false, in)).isEqualTo(net.outputSingle(false, in));
        MultiDataSet data = new MultiDataSet(in, new INDArray[] {SegmentNetworks.trainingLabels(restored,
                TestLayouts.randomLabels(LAYOUT, 3, 2, DataType.FLOAT), in[1])});
        assertThat(restored.score(data)).isEqualTo(net.score(data));
    }

    @Test
    void theScoreOfATrainingStepIsTheLossOfItsBatch() {
        INDArray x = Nd4j.randn(9L, new long[] {6, 4}).castTo(DataType.FLOAT);
        INDArray mask = Nd4j.createFromArray(MASK).castTo(DataType.FLOAT);
        INDArray segmentLabels = TestLayouts.randomLabels(LAYOUT, 3, 10, DataType.FLOAT);
        for (ILossFunction loss : java.util.List.of(new LossBinaryXENT(), GroupedLoss.builder(LAYOUT).build())) {
            for (FramePooling pooling : java.util.List.of(FramePooling.segmentDefault(),
                    FramePooling.segmentDefault().withFrameBlocks(java.util.Set.of(1, 3)))) {
                ComputationGraph net = tinyGraph(pooling, DataType.FLOAT, loss);
                INDArray y = SegmentNetworks.trainingLabels(net, segmentLabels, mask);
                MultiDataSet batch = new MultiDataSet(new INDArray[] {x, mask}, new INDArray[] {y});
                double loss0 = net.score(batch, true);
                net.setInputs(x, mask);
                net.setLabels(y);
                net.computeGradientAndScore();
                // what train prints, history.csv keeps and the divergence check reads; the LossLayer's input was
                // overwritten with dL/dz by LossBinaryXENT's backprop, so the step scored something else
                assertThat(net.score()).as(loss.getClass().getSimpleName() + ", " + pooling).isCloseTo(loss0,
                        within(1e-4 * loss0));
            }
        }
    }

    @Test
    void anAddedSingleFrameTrainsOnlyTheBlocksTrainedFrameByFrame() {
        // segments: 3 frames (whole), 1 frame (added from another segment), 2 frames (whole)
        INDArray whole = Nd4j.createFromArray(new float[][] {{1}, {0}, {1}});
        INDArray mask = Nd4j.createFromArray(MASK).castTo(DataType.FLOAT);
        FramePooling hybrid = FramePooling.segmentDefault().withFrameBlocks(java.util.Set.of(1, 3));
        ComputationGraph net = tinyGraph(hybrid, DataType.DOUBLE);
        INDArray m = SegmentNetworks.trainingLabelMask(net, whole, mask, false);
        // frame rows 0-2, 4-5 whole; row 3, the added frame: the 3-way block (columns 1-3) and the 2-way block (5-6) only
        assertThat(m.toFloatMatrix()).isEqualTo(new float[][] {
                {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1},
                {0, 1, 1, 1, 0, 1, 1},
                {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1, 1}});
        // plain segment training: the added frame's segment row trains nothing
        ComputationGraph plain = tinyGraph(FramePooling.segmentDefault(), DataType.DOUBLE);
        assertThat(SegmentNetworks.trainingLabelMask(plain, whole, mask, false).toFloatMatrix()).isEqualTo(new float[][] {
                {1, 1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 1}});
        assertThat(SegmentNetworks.trainingLabelMask(net, null, mask, false)).isNull();
        // training.segment_frames: pooled: the whole segments' frames train only the pooled flags (columns 0 and 4),
        // the added frame the rest
        assertThat(SegmentNetworks.trainingLabelMask(net, whole, mask, true).toFloatMatrix()).isEqualTo(new float[][] {
                {1, 0, 0, 0, 1, 0, 0}, {1, 0, 0, 0, 1, 0, 0}, {1, 0, 0, 0, 1, 0, 0},
                {0, 1, 1, 1, 0, 1, 1},
                {1, 0, 0, 0, 1, 0, 0}, {1, 0, 0, 0, 1, 0, 0}});

        // what the mask does in training: the added frame's pooled flags (its segment's label, not the frame's)
        // move no weight, its frame-trained blocks do
        INDArray x = Nd4j.randn(4L, new long[] {6, 4}).castTo(DataType.DOUBLE);
        INDArray segmentLabels = TestLayouts.randomLabels(LAYOUT, 3, 6, DataType.DOUBLE);
        INDArray flippedFlag = segmentLabels.dup();
        flippedFlag.putScalar(1, 0, 1 - flippedFlag.getDouble(1, 0));
        flippedFlag.putScalar(1, 4, 1 - flippedFlag.getDouble(1, 4));
        INDArray otherCategory = segmentLabels.dup();
        otherCategory.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4)).assign(Nd4j.createFromArray(new double[] {0, 0, 0}));
        otherCategory.putScalar(1, segmentLabels.getDouble(1, 1) == 1 ? 2 : 1, 1.0);
        INDArray g = gradient(net, x, mask, segmentLabels, m);
        assertThat(gradient(net, x, mask, flippedFlag, m)).isEqualTo(g);
        assertThat(gradient(net, x, mask, otherCategory, m)).isNotEqualTo(g);
    }

    private static INDArray gradient(ComputationGraph net, INDArray x, INDArray mask, INDArray segmentLabels,
            INDArray labelMask) {
        net.setInputs(x, mask.castTo(DataType.DOUBLE));
        net.setLabels(SegmentNetworks.trainingLabels(net, segmentLabels, mask));
        net.setLayerMaskArrays(null, new INDArray[] {labelMask.castTo(DataType.DOUBLE)});
        net.computeGradientAndScore();
        INDArray g = net.gradient().gradient().dup();
        net.clearLayerMaskArrays();
        return g;
    }

    /** DL4J's gradient check of a double-precision tiny graph; hybrid graphs train on per-frame label copies. */
    private static void assertGradientsPass(FramePooling pooling, INDArray x, INDArray mask, INDArray segmentLabels) {
        ComputationGraph net = tinyGraph(pooling, DataType.DOUBLE);
        INDArray y = SegmentNetworks.trainingLabels(net, segmentLabels, mask);
        assertThat(y.size(0)).isEqualTo(pooling.hybrid() ? x.size(0) : mask.size(0));
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(new INDArray[] {x, mask}).labels(new INDArray[] {y})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
        assertThat(ok).as(pooling.toString()).isTrue();
    }

    /** Dense 4 -> 7 frame logits, pooled per segment, grouped loss on the pooled logits. */
    static ComputationGraph tinyGraph(FramePooling pooling, DataType type) {
        return tinyGraph(pooling, type, GroupedLoss.builder(LAYOUT).build());
    }

    /** The same graph with {@code loss} on the pooled logits. */
    static ComputationGraph tinyGraph(FramePooling pooling, DataType type, ILossFunction loss) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(type)
                .updater(new NoOp()).graphBuilder()
                .addInputs("frames", "frame_mask")
                .setInputTypes(InputType.feedForward(4), InputType.feedForward(3))
                .addLayer("frame_logits", new DenseLayer.Builder().nIn(4).nOut(LAYOUT.size())
                        .activation(Activation.TANH).build(), "frames")
                .addVertex("segment_pool", new SegmentPoolVertex(LAYOUT, pooling), "frame_logits", "frame_mask")
                .addLayer("output", new LossLayer.Builder(loss)
                        .activation(new GroupedActivation(LAYOUT)).build(), "segment_pool")
                .setOutputs("output").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
