package org.roadcoder.model.backbone;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A built backbone: the network and what a transfer head needs to know about it.
 *
 * @param graph           the initialised network; vertices after {@code features} (a zoo
 *                        classifier) are the transfer surgery's to replace
 * @param input           the graph's input name
 * @param features        the vertex whose output the classifier reads (the last max-pooling)
 * @param featureChannels channels of that output
 * @param featureHeight   its height, input height / 32
 * @param featureWidth    its width, input width / 32
 */
public record BackboneGraph(ComputationGraph graph, String input, String features, int featureChannels,
        int featureHeight, int featureWidth) {

    public BackboneGraph {
        if (graph.getConfiguration().getVertices().get(features) == null) {
            throw new IllegalArgumentException("the graph has no vertex named " + features);
        }
        if (featureChannels < 1 || featureHeight < 1 || featureWidth < 1) {
            throw new IllegalArgumentException("feature map " + featureChannels + "x" + featureHeight + "x"
                    + featureWidth + " must be non-empty");
        }
    }

    /** The flattened feature size the classifier's first layer takes: channels x height x width. */
    public long featureSize() {
        return (long) featureChannels * featureHeight * featureWidth;
    }
}
