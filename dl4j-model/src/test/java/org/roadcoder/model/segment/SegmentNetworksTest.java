package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.activation.GroupedActivation;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/** A VGG network built for segment-level training, its frame view, its model file. */
class SegmentNetworksTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();
    private static final BackboneOptions TINY = new BackboneOptions(32, 32, 1.0 / 16, 3);
    private static final FramePooling POOLING = new FramePooling(FramePooling.Flags.NOISY_OR,
            FramePooling.Exclusive.MEAN_LOGITS, 1);
    /** Two segments, of 10 and of 4 frames. */
    private static final INDArray MASK = Nd4j.createFromArray(new float[][] {
        {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}});

    @Test
    void theFrameViewScoresFramesAsTheSegmentNetworkDoesAndPoolingThemGivesItsSegmentOutput() {
        ComputationGraph net = segmentNet();
        INDArray x = Nd4j.rand(DataType.FLOAT, 14, 3, 32, 32);
        net.fit(new MultiDataSet(new INDArray[] {x, MASK},
                new INDArray[] {TestLayouts.randomLabels(LAYOUT, 2, 4, DataType.FLOAT)}));

        INDArray logits = net.feedForward(new INDArray[] {x, MASK}, false).get(TransferHead.FRAME_LOGITS);
        INDArray expected = new GroupedActivation(LAYOUT).getActivation(logits.dup(), false);
        ComputationGraph view = SegmentNetworks.frameView(net);
        INDArray frames = view.outputSingle(false, x);
        assertThat(frames.reshape(-1).toDoubleVector()).containsExactly(expected.reshape(-1).toDoubleVector(), within(1e-6));

        // what predict codes from the frame probabilities is what the network pooled
        INDArray segments = net.outputSingle(false, x, MASK);
        int[] blocks = LAYOUT.blocks().stream().mapToInt(OutputLayout.Block::size).toArray();
        double[] second = POOLING.poolProbabilities(blocks,
                frames.get(NDArrayIndex.interval(10, 14)).toDoubleMatrix());
        assertThat(second).containsExactly(segments.getRow(1).toDoubleVector(), within(1e-5));

        InferenceNet nhwc = InferenceNet.fastest(view);
        assertThat(nhwc.format()).isEqualTo(CNN2DFormat.NHWC);
        assertThat(nhwc.output(x).reshape(-1).toDoubleVector()).containsExactly(frames.reshape(-1).toDoubleVector(),
                within(1e-4));
    }

    @Test
    void aFrameLevelNetworkIsItsOwnFrameViewAndCodesWithTheFrameDefault() {
        ComputationGraph frame = TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT,
                LossKind.GROUPED.create(LAYOUT), head());
        assertThat(SegmentNetworks.frameView(frame)).isSameAs(frame);
        assertThat(SegmentNetworks.pooling(frame)).isEqualTo(FramePooling.frameDefault());
        assertThat(SegmentNetworks.pooling(segmentNet())).isEqualTo(POOLING);
    }

    @Test
    void aSavedSegmentNetworkRestoresAndTrainsOn(@TempDir Path dir) throws Exception {
        ComputationGraph net = segmentNet();
        INDArray x = Nd4j.rand(DataType.FLOAT, 14, 3, 32, 32);
        MultiDataSet batch = new MultiDataSet(new INDArray[] {x, MASK},
                new INDArray[] {TestLayouts.randomLabels(LAYOUT, 2, 5, DataType.FLOAT)});
        net.fit(batch);
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        assertThat(restored.getConfiguration()).isEqualTo(net.getConfiguration());
        assertThat(restored.outputSingle(false, x, MASK)).isEqualTo(net.outputSingle(false, x, MASK));
        net.fit(batch);
        restored.fit(batch);
        assertThat(restored.params()).isEqualTo(net.params());
    }

    private static ComputationGraph segmentNet() {
        return TransferHead.attach(Backbone.VGG11_BN.build(TINY), LAYOUT, LossKind.GROUPED.create(LAYOUT), head(),
                POOLING);
    }

    private static HeadOptions head() {
        return HeadOptions.defaults().withHidden(8).withDropRate(0).withLearningRates(1e-3, 1e-2);
    }
}
