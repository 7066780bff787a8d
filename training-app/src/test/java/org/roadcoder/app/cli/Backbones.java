package org.roadcoder.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.roadcoder.model.transfer.TransferHead;

/** Compares the backbones (every layer with parameters outside the classifier head) of two networks. */
final class Backbones {

    private static final List<String> HEAD = List.of(TransferHead.FC1, TransferHead.FC2, TransferHead.OUTPUT);

    private Backbones() {
    }

    /** Names of the backbone layers with parameters. */
    static List<String> layers(ComputationGraph net) {
        List<String> names = new ArrayList<>();
        for (GraphVertex v : net.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0 && !HEAD.contains(v.getVertexName())) {
                names.add(v.getVertexName());
            }
        }
        return names;
    }

    /** The backbone layers whose parameters are the same in both networks. */
    static List<String> unchanged(ComputationGraph a, ComputationGraph b) {
        return layers(a).stream().filter(n -> a.getLayer(n).params().equals(b.getLayer(n).params())).toList();
    }
}
