package org.roadcoder.model.transfer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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

    private TransferHead() {
    }

    public static ComputationGraph attach(BackboneGraph backbone, OutputLayout layout, ILossFunction loss,
            HeadOptions options) {
        ComputationGraphConfiguration conf = backbone.graph().getConfiguration();
        if (options.frozen() && !ancestorsOf(conf, backbone.features()).contains(options.freezeUpTo())) {
            throw new IllegalArgumentException("cannot freeze up to '" + options.freezeUpTo()
                    + "': not a layer of the backbone's features (which end at " + backbone.features() + ")");
        }
        TransferLearning.GraphBuilder g = new TransferLearning.GraphBuilder(backbone.graph())
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().seed(options.seed())
                        .updater(new Adam(options.featureLr())).build());
        for (String vertex : downstreamOf(conf, backbone.features())) {
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
                                backbone.featureChannels()), backbone.features())
                .addLayer(FC2, fc2.activation(Activation.RELU).weightInit(WeightInit.RELU).updater(classifierUpdater)
                        .build(), FC1)
                .addLayer(OUTPUT, out.activation(new GroupedActivation(layout)).weightInit(WeightInit.XAVIER)
                        .updater(classifierUpdater).build(), FC2)
                .setOutputs(OUTPUT);
        if (options.frozen()) {
            g.setFeatureExtractor(options.freezeUpTo());
        }
        return g.build();
    }

    /** Every vertex that {@code vertex} depends on, itself included. */
    static Set<String> ancestorsOf(ComputationGraphConfiguration conf, String vertex) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(vertex));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (seen.add(v) && conf.getVertexInputs().get(v) != null) {
                todo.addAll(conf.getVertexInputs().get(v));
            }
        }
        return seen;
    }

    /** Vertices that are not needed to compute {@code features}: a zoo classifier, for instance. */
    static List<String> downstreamOf(ComputationGraphConfiguration conf, String features) {
        Set<String> needed = ancestorsOf(conf, features);
        return conf.getVertices().keySet().stream().filter(v -> !needed.contains(v)).toList();
    }
}
