package org.roadcoder.model.segment;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.activation.GroupedActivation;

/**
 * What a network trained at segment level is, read from the network itself (so from any model file):
 * whether it pools frames, with which {@link FramePooling}, and its frame view, the network that
 * scores single frames with the same weights.
 */
public final class SegmentNetworks {

    /** Vertex names of a segment-level network: the frames' logits, the mask input and the pooling. */
    public static final String FRAME_LOGITS = "frame_logits";
    public static final String FRAME_MASK = "frame_mask";
    public static final String SEGMENT_POOL = "segment_pool";

    private SegmentNetworks() {
    }

    /** The pooling vertex of a segment-level network; null for a frame-level one. */
    public static SegmentPoolVertex poolVertex(ComputationGraph net) {
        GraphVertex v = net.getConfiguration().getVertices().get(SEGMENT_POOL);
        return v instanceof SegmentPoolVertex p ? p : null;
    }

    public static boolean isSegmentLevel(ComputationGraph net) {
        return poolVertex(net) != null;
    }

    /** How {@code net}'s segments are coded: its training pooling, or {@link FramePooling#frameDefault()}. */
    public static FramePooling pooling(ComputationGraph net) {
        SegmentPoolVertex v = poolVertex(net);
        return v == null ? FramePooling.frameDefault() : v.pooling();
    }

    /**
     * The labels a segment-level {@code net} trains on for a batch of segments: the segments' labels
     * {@code [B, K]} themselves, or in hybrid training ({@link FramePooling#hybrid()}) each segment's row
     * copied to each of its frames, {@code [N, K]} in the packed frames' order.
     *
     * @param mask the batch's frame mask {@code [B, T]}
     */
    public static INDArray trainingLabels(ComputationGraph net, INDArray segmentLabels, INDArray mask) {
        if (!pooling(net).hybrid()) {
            return segmentLabels;
        }
        int[] counts = SegmentSplit.counts(mask);
        if (segmentLabels.rank() != 2 || segmentLabels.size(0) != counts.length) {
            throw new IllegalArgumentException(segmentLabels.size(0) + " segment labels for a mask of "
                    + counts.length + " segments");
        }
        INDArray out = Nd4j.create(segmentLabels.dataType(), java.util.Arrays.stream(counts).sum(),
                segmentLabels.size(1));
        int row = 0;
        for (int b = 0; b < counts.length; b++) {
            for (int t = 0; t < counts[b]; t++) {
                out.putRow(row++, segmentLabels.getRow(b));
            }
        }
        return out;
    }

    /**
     * The labels mask of a batch whose segments are not all whole ({@code whole} {@code [B, 1]}: 1 for a whole
     * segment, 0 for a single frame added to the batch, {@code SegmentBatchIterator}'s fill frames), in the
     * shape of {@link #trainingLabels}: an added frame trains only the blocks trained frame by frame (hybrid
     * training), never a pooled block, whose label is its segment's and not the frame's; in plain segment
     * training it trains nothing and only joins the batch's batch-norm statistics. Null when {@code whole} is.
     * With {@code wholePooledOnly} (hybrid training) a whole segment's frames train only the pooled blocks, and
     * the blocks trained frame by frame learn from the added frames alone ({@code training.segment_frames: pooled}).
     */
    public static INDArray trainingLabelMask(ComputationGraph net, INDArray whole, INDArray mask,
            boolean wholePooledOnly) {
        if (whole == null) {
            return null;
        }
        int[] counts = SegmentSplit.counts(mask);
        if (whole.length() != counts.length) {
            throw new IllegalArgumentException(whole.length() + " whole-segment flags for a mask of " + counts.length
                    + " segments");
        }
        FramePooling pooling = pooling(net);
        int[] blocks = poolVertex(net).blockSizes();
        int width = java.util.Arrays.stream(blocks).sum();
        float[] frameOnly = new float[width];
        int offset = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (pooling.frameBlocks().contains(i)) {
                java.util.Arrays.fill(frameOnly, offset, offset + blocks[i], 1f);
            }
            offset += blocks[i];
        }
        boolean hybrid = pooling.hybrid();
        int rows = hybrid ? java.util.Arrays.stream(counts).sum() : counts.length;
        float[][] out = new float[rows][];
        int row = 0;
        for (int b = 0; b < counts.length; b++) {
            boolean isWhole = whole.getDouble(b) > 0.5;
            for (int t = 0; t < (hybrid ? counts[b] : 1); t++) {
                float[] r = new float[width];
                if (isWhole && hybrid && wholePooledOnly) {
                    for (int k = 0; k < width; k++) {
                        r[k] = 1f - frameOnly[k];
                    }
                } else if (isWhole) {
                    java.util.Arrays.fill(r, 1f);
                } else if (hybrid) {
                    r = frameOnly.clone();
                }
                out[row++] = r;
            }
        }
        return Nd4j.createFromArray(out).castTo(mask.dataType());
    }

    /**
     * A network that takes frames only and gives each frame's probabilities: {@code net} itself when it
     * is frame-level; for a segment-level one, a copy without the mask input, the pooling and the loss,
     * whose {@value #FRAME_LOGITS} layer applies the grouped activation. Same weights
     * (copied), inference only.
     */
    public static ComputationGraph frameView(ComputationGraph net) {
        if (!isSegmentLevel(net)) {
            return net;
        }
        ComputationGraphConfiguration conf = net.getConfiguration().clone();
        int[] blocks = poolVertex(net).blockSizes();
        List<String> removed = new ArrayList<>(List.of(SEGMENT_POOL, FRAME_MASK));
        conf.getVertexInputs().forEach((vertex, inputs) -> {
            if (inputs.contains(SEGMENT_POOL)) {
                removed.add(vertex);
            }
        });
        for (String name : removed) {
            conf.getVertices().remove(name);
            conf.getVertexInputs().remove(name);
        }
        conf.setNetworkInputs(new ArrayList<>(List.of(net.getConfiguration().getNetworkInputs().get(0))));
        conf.setNetworkOutputs(new ArrayList<>(List.of(FRAME_LOGITS)));
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        LayerVertex logits = (LayerVertex) conf.getVertices().get(FRAME_LOGITS);
        ((BaseLayer) logits.getLayerConf().getLayer()).setActivationFn(new GroupedActivation(blocks));
        ComputationGraph view = new ComputationGraph(conf);
        view.init();
        for (org.deeplearning4j.nn.graph.vertex.GraphVertex v : view.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0) {
                v.getLayer().params().assign(net.getVertex(v.getVertexName()).getLayer().params());
            }
        }
        return view;
    }
}
