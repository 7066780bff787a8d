package org.roadcoder.model.transfer;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.activation.GroupedActivation;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.segment.FramePooling;
import org.roadcoder.model.segment.SegmentNetworks;
import org.roadcoder.model.segment.SegmentPoolVertex;

/**
 * Transfer surgery: replaces whatever follows a backbone's features with roadcoder's classifier,
 * {@code features -> fc1 (h, ReLU) -> fc2 (h, ReLU) -> output (grouped activation)}, with dropout on
 * the inputs of fc2 and output as in torchvision's VGG classifier. The backbone either fine-tunes at
 * its own (lower) learning rate or is frozen up to a named layer.
 */
public final class TransferHead {

    public static final String FC1 = "fc1";
    public static final String FC2 = "fc2";
    public static final String OUTPUT = "output";
    /** Segment-level networks: the frames' logits, the mask input and the pooling vertex. */
    public static final String FRAME_LOGITS = SegmentNetworks.FRAME_LOGITS;
    public static final String FRAME_MASK = SegmentNetworks.FRAME_MASK;
    public static final String SEGMENT_POOL = SegmentNetworks.SEGMENT_POOL;

    /** The classifier's layers with weights, input to output ({@value #FRAME_LOGITS} only in segment-level networks). */
    public static final java.util.List<String> LAYERS = java.util.List.of(FC1, FC2, FRAME_LOGITS, OUTPUT);

    private TransferHead() {
    }

    public static ComputationGraph attach(BackboneGraph backbone, OutputLayout layout, ILossFunction loss,
            HeadOptions options) {
        return attach(backbone, layout, loss, options, null);
    }

    /**
     * The same classifier; with {@code segmentPooling} not null, for segment-level training: fc2 feeds a
     * dense {@value #FRAME_LOGITS} layer (the frame output layer's weights, identity activation), a
     * {@link SegmentPoolVertex} pools it over each segment's frames, given by a second input
     * {@value #FRAME_MASK} {@code [segments, frames]}, and the grouped activation and loss apply to the
     * pooled logits in a {@code LossLayer} named {@value #OUTPUT}.
     */
    public static ComputationGraph attach(BackboneGraph backbone, OutputLayout layout, ILossFunction loss,
            HeadOptions options, FramePooling segmentPooling) {
        if (options.frozen() && !backbone.featureVertices().contains(options.freezeUpTo())) {
            throw new IllegalArgumentException("cannot freeze up to '" + options.freezeUpTo()
                    + "': not a layer of the backbone's features (which end at " + backbone.features() + ")");
        }
        TransferLearning.GraphBuilder g = new TransferLearning.GraphBuilder(backbone.graph())
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().seed(options.seed())
                        .updater(new Adam(options.featureLr())).build());
        for (String vertex : backbone.classifierVertices()) {
            g.removeVertexAndConnections(vertex);
        }
        Adam classifierUpdater = new Adam(options.classifierLr());
        DenseLayer.Builder fc2 = new DenseLayer.Builder().nIn(options.hidden()).nOut(options.hidden());
        OutputLayer.Builder out = new OutputLayer.Builder(loss).nIn(options.hidden()).nOut(layout.size());
        if (options.dropRate() > 0) {
            fc2.dropOut(options.keepProbability());
            out.dropOut(options.keepProbability());
        }
        g.addLayer(FC1, new DenseLayer.Builder().nIn(backbone.featureSize()).nOut(options.hidden())
                                .activation(Activation.RELU).weightInit(WeightInit.RELU).updater(classifierUpdater).build(),
                        new CnnToFeedForwardPreProcessor(backbone.featureHeight(), backbone.featureWidth(),
                                backbone.featureChannels(), backbone.format()), backbone.features())
                .addLayer(FC2, fc2.activation(Activation.RELU).weightInit(WeightInit.RELU).updater(classifierUpdater)
                        .build(), FC1);
        if (segmentPooling == null) {
            g.addLayer(OUTPUT, out.activation(new GroupedActivation(layout)).weightInit(WeightInit.XAVIER)
                    .updater(classifierUpdater).build(), FC2);
        } else {
            DenseLayer.Builder logits = new DenseLayer.Builder().nIn(options.hidden()).nOut(layout.size());
            if (options.dropRate() > 0) {
                logits.dropOut(options.keepProbability());
            }
            g.addLayer(FRAME_LOGITS, logits.activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                            .updater(classifierUpdater).build(), FC2)
                    .addInputs(FRAME_MASK)
                    .addVertex(SEGMENT_POOL, new SegmentPoolVertex(layout, segmentPooling), FRAME_LOGITS, FRAME_MASK)
                    .addLayer(OUTPUT, new LossLayer.Builder(loss).activation(new GroupedActivation(layout)).build(),
                            SEGMENT_POOL);
        }
        g.setOutputs(OUTPUT);
        if (options.frozen()) {
            g.setFeatureExtractor(options.freezeUpTo());
        }
        return g.build();
    }
}
