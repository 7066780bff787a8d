package org.roadcoder.model.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.layers.TunedLayers;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/** The network a case times: the project's backbone and head, with the benchmark's DL4J settings applied. */
final class SpeedNetwork {

    private SpeedNetwork() {
    }

    static ComputationGraph build(SpeedCase c, SpeedSettings s, OutputLayout layout) {
        BackboneOptions options = BackboneOptions.square(c.size()).withFormat(s.format());
        if (!s.zooGraph()) {
            // just below 1 rounds every channel count to the published one, but builds our layer list
            options = options.withWidthMultiplier(Math.nextDown(1.0));
        }
        ComputationGraph net = TransferHead.attach(c.backbone().build(options), layout, LossKind.BCE.create(layout),
                HeadOptions.defaults());
        if (!s.tuned()) {
            net = TunedLayers.stock(net);
        }
        net.getConfiguration().setTrainingWorkspaceMode(s.workspace());
        net.getConfiguration().setInferenceWorkspaceMode(s.workspace());
        return s.dtype() == DataType.FLOAT ? net : net.convertDataType(s.dtype());
    }

    static long[] inputShape(SpeedCase c, SpeedSettings s, int batch) {
        return s.format() == CNN2DFormat.NHWC ? new long[] {batch, c.size(), c.size(), 3}
                : new long[] {batch, 3, c.size(), c.size()};
    }

    /** The helper class of the first convolution ("none" when DL4J's built-in path runs). */
    static String helperOf(ComputationGraph net) {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                return layer.getHelper() == null ? "none" : layer.getHelper().getClass().getSimpleName();
            }
        }
        return "none";
    }
}
