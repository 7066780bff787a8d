package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.roadcoder.model.activation.GroupedActivation;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.TransferHead;

/**
 * The point of segment-level training: a point object seen in 2 of a segment's 10 frames. Trained on
 * segment labels copied to every frame, a network learns that most frames of most segments "have" a
 * crossing; pooled over the segment, the same network learns which frames show one. Scored per frame
 * against frame truth on new segments. A tiny convolutional network (one 5x5 layer, global max pool)
 * keeps it fast; the VGG head's segment graph is the same from the frame logits on.
 */
class SegmentTrainingTest {

    private static final int EPOCHS = 20;
    private static final int SEGMENTS_PER_BATCH = 4;

    @Test
    void segmentTrainingFindsThePointObjectThatFrameTrainingCannot() {
        SyntheticSegments train = SyntheticSegments.make(32, 1);
        SyntheticSegments test = SyntheticSegments.make(12, 2);
        ComputationGraph frameNet = tinyNet(null);
        ComputationGraph segmentNet = tinyNet(FramePooling.segmentDefault());
        // hybrid: the crossing pooled over the segment, the tone (block 1, along the whole segment) trained per frame
        ComputationGraph hybridNet = tinyNet(FramePooling.segmentDefault().withFrameBlocks(Set.of(1)));
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int s = 0; s < train.segments(); s += SEGMENTS_PER_BATCH) {
                INDArray x = train.framesOf(s, s + SEGMENTS_PER_BATCH);
                INDArray y = train.segmentY().get(NDArrayIndex.interval(s, s + SEGMENTS_PER_BATCH));
                INDArray mask = train.mask().get(NDArrayIndex.interval(s, s + SEGMENTS_PER_BATCH));
                frameNet.fit(new DataSet(x, y.repeat(0, SyntheticSegments.FRAMES)));
                segmentNet.fit(new MultiDataSet(new INDArray[] {x, mask}, new INDArray[] {y}));
                hybridNet.fit(new MultiDataSet(new INDArray[] {x, mask},
                        new INDArray[] {SegmentNetworks.trainingLabels(hybridNet, y, mask)}));
            }
        }
        INDArray frameP = frameNet.outputSingle(false, test.frames());
        INDArray segmentP = SegmentNetworks.frameView(segmentNet).outputSingle(false, test.frames());
        INDArray hybridP = SegmentNetworks.frameView(hybridNet).outputSingle(false, test.frames());
        System.out.printf("frame-level F1 of the point object against frame truth: frame training %.3f, "
                + "segment training %.3f, hybrid %.3f; tone accuracy per frame %.3f / %.3f / %.3f%n",
                test.frameF1(frameP), test.frameF1(segmentP), test.frameF1(hybridP), test.toneAccuracy(frameP),
                test.toneAccuracy(segmentP), test.toneAccuracy(hybridP));
        assertThat(test.frameF1(segmentP)).isGreaterThan(0.8);
        assertThat(test.frameF1(hybridP)).isGreaterThan(0.8);
        assertThat(test.frameF1(frameP)).isLessThan(0.5);
        // the continuous group keeps what frame training gives it
        assertThat(test.toneAccuracy(hybridP)).isGreaterThanOrEqualTo(test.toneAccuracy(frameP) - 0.01);
    }

    @Test
    void hybridTrainingWithEveryGroupPerFrameIsFrameTraining() {
        SyntheticSegments train = SyntheticSegments.make(8, 3);
        ComputationGraph frameNet = tinyNet(null);
        ComputationGraph hybridNet = tinyNet(FramePooling.segmentDefault().withFrameBlocks(Set.of(0, 1)));
        assertThat(hybridNet.params()).isEqualTo(frameNet.params());
        for (int s = 0; s < train.segments(); s += SEGMENTS_PER_BATCH) {
            INDArray x = train.framesOf(s, s + SEGMENTS_PER_BATCH);
            INDArray y = train.segmentY().get(NDArrayIndex.interval(s, s + SEGMENTS_PER_BATCH));
            INDArray mask = train.mask().get(NDArrayIndex.interval(s, s + SEGMENTS_PER_BATCH));
            frameNet.fit(new DataSet(x, y.repeat(0, SyntheticSegments.FRAMES)));
            hybridNet.fit(new MultiDataSet(new INDArray[] {x, mask},
                    new INDArray[] {SegmentNetworks.trainingLabels(hybridNet, y, mask)}));
            assertThat(hybridNet.score()).isCloseTo(frameNet.score(), org.assertj.core.api.Assertions.within(1e-4));
        }
        assertThat(hybridNet.params().equalsWithEps(frameNet.params(), 1e-4)).isTrue();
    }

    /** conv 5x5 (6 maps) -> global max -> dense 16 -> frame output; pooled per segment when {@code pooling} is set. */
    static ComputationGraph tinyNet(FramePooling pooling) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Adam(1e-2)).weightInit(WeightInit.RELU).graphBuilder()
                .addInputs(pooling == null ? new String[] {"input"} : new String[] {"input", TransferHead.FRAME_MASK})
                .setInputTypes(pooling == null ? new InputType[] {InputType.convolutional(32, 32, 3)}
                        : new InputType[] {InputType.convolutional(32, 32, 3), InputType.feedForward(10)})
                .addLayer("conv", new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build(), "input")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv")
                .addLayer("fc", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(), "pool");
        var layout = SyntheticSegments.LAYOUT;
        if (pooling == null) {
            g.addLayer(TransferHead.OUTPUT, new OutputLayer.Builder(LossKind.GROUPED.create(layout)).nOut(layout.size())
                    .activation(new GroupedActivation(layout)).weightInit(WeightInit.XAVIER).build(), "fc");
        } else {
            g.addLayer(TransferHead.FRAME_LOGITS, new DenseLayer.Builder().nOut(layout.size())
                            .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), "fc")
                    .addVertex(TransferHead.SEGMENT_POOL, new SegmentPoolVertex(layout, pooling),
                            TransferHead.FRAME_LOGITS, TransferHead.FRAME_MASK)
                    .addLayer(TransferHead.OUTPUT, new LossLayer.Builder(LossKind.GROUPED.create(layout))
                            .activation(new GroupedActivation(layout)).build(), TransferHead.SEGMENT_POOL);
        }
        ComputationGraph net = new ComputationGraph(g.setOutputs(TransferHead.OUTPUT).build());
        net.init();
        return net;
    }
}
