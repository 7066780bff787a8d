package org.roadcoder.model.backbone;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Layer names of one kind in execution order: how imported weights find their layers. */
final class LayerOrder {

    private LayerOrder() {
    }

    /** Names of the layers whose configuration is a {@code type}, in topological order. */
    static List<String> of(ComputationGraph net, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (int index : net.topologicalSortOrder()) {
            String name = net.getConfiguration().getTopologicalOrderStr().get(index);
            if (net.getConfiguration().getVertices().get(name) instanceof LayerVertex v
                    && type.isInstance(v.getLayerConf().getLayer())) {
                names.add(name);
            }
        }
        return names;
    }
}
