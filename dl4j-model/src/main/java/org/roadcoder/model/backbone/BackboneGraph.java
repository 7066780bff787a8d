package org.roadcoder.model.backbone;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A built backbone: the network and the names a transfer head needs.
 *
 * @param graph       the initialised network; vertices after {@code features} (a zoo classifier)
 *                    are the transfer surgery's to replace
 * @param input       the graph's input name
 * @param features    the vertex whose output the classifier reads (the last max-pooling)
 * @param featureSize the flattened size of that output, channels x height/32 x width/32
 */
public record BackboneGraph(ComputationGraph graph, String input, String features, long featureSize) {

    public BackboneGraph {
        if (graph.getConfiguration().getVertices().get(features) == null) {
            throw new IllegalArgumentException("the graph has no vertex named " + features);
        }
        if (featureSize < 1) {
            throw new IllegalArgumentException("feature size must be positive, got " + featureSize);
        }
    }
}
