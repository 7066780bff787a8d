package org.roadcoder.model.backbone;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
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

    /** The layout of the features: that of the last pooling (NCHW unless the backbone was built NHWC). */
    public CNN2DFormat format() {
        return graph.getConfiguration().getVertices().get(features) instanceof LayerVertex v
                && v.getLayerConf().getLayer() instanceof SubsamplingLayer pool ? pool.getCnn2dDataFormat()
                : CNN2DFormat.NCHW;
    }

    /** The vertices the features are computed from, {@code features} and the input included. */
    public Set<String> featureVertices() {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(features));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (seen.add(v) && conf.getVertexInputs().get(v) != null) {
                todo.addAll(conf.getVertexInputs().get(v));
            }
        }
        return seen;
    }

    /** The vertices after the features (a zoo classifier), which a transfer head replaces. */
    public List<String> classifierVertices() {
        Set<String> features = featureVertices();
        return graph.getConfiguration().getVertices().keySet().stream().filter(v -> !features.contains(v)).toList();
    }
}
