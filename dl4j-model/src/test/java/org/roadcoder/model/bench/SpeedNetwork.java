package org.roadcoder.model.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.BackboneGraph;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.inference.InferenceNet;
import org.roadcoder.model.layers.TunedLayers;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;
import org.roadcoder.model.transfer.TransferHead;

/**
 * The network a case times: the project's backbone and head (or the zoo's stock classifier), with the
 * benchmark's DL4J settings applied (roadcoder's tuned layers unless {@code --layers stock}). Inference
 * in NHWC runs what prediction runs: the NCHW network converted by {@link InferenceNet#nhwc}, fed NCHW
 * batches that it permutes itself.
 */
final class SpeedNetwork {

    private SpeedNetwork() {
    }

    /** The network to train in the child's layout (training builds NHWC directly). */
    static ComputationGraph forTraining(SpeedCase c, SpeedSettings s, OutputLayout layout) {
        return withSettings(withHead(c, c.backbone().build(options(c, s).withFormat(s.format())), layout), s);
    }

    /** The network to score with, built NCHW and converted when the child's layout is NHWC. */
    static InferenceNet forInference(SpeedCase c, SpeedSettings s, OutputLayout layout) {
        BackboneGraph backbone = c.backbone().build(options(c, s));
        if (c.stock() && backbone.classifierVertices().isEmpty()) {
            throw new IllegalArgumentException(c.id() + " needs the zoo's graph (its classifier), not --zoo-graph off");
        }
        ComputationGraph nchw = withSettings(c.stock() ? backbone.graph() : withHead(c, backbone, layout), s);
        return s.format() == CNN2DFormat.NHWC ? InferenceNet.nhwc(nchw) : InferenceNet.asTrained(nchw);
    }

    private static BackboneOptions options(SpeedCase c, SpeedSettings s) {
        BackboneOptions options = BackboneOptions.square(c.size()).withWidthMultiplier(c.width());
        if (!s.zooGraph() && c.width() == 1.0) {
            // just below 1 rounds every channel count to the published one, but builds our layer list
            options = options.withWidthMultiplier(Math.nextDown(1.0));
        }
        return options;
    }

    private static ComputationGraph withHead(SpeedCase c, BackboneGraph backbone, OutputLayout layout) {
        return TransferHead.attach(backbone, layout, LossKind.BCE.create(layout), HeadOptions.defaults()
                .withHidden(c.hidden()));
    }

    private static ComputationGraph withSettings(ComputationGraph tuned, SpeedSettings s) {
        ComputationGraph net = s.tuned() ? tuned : TunedLayers.stock(tuned);
        net.getConfiguration().setTrainingWorkspaceMode(s.workspace());
        net.getConfiguration().setInferenceWorkspaceMode(s.workspace());
        return s.dtype() == DataType.FLOAT ? net : net.convertDataType(s.dtype());
    }

    /** The input a step takes: NCHW, as the image pipeline makes it, except for training built NHWC. */
    /** The case's input batch: uniform random pixels, seed 7, in the layout the timed network takes. */
    static INDArray randomInput(SpeedCase c, SpeedSettings s, int batch) {
        long[] shape = c.training() && s.format() == CNN2DFormat.NHWC ? new long[] {batch, c.size(), c.size(), 3}
                : new long[] {batch, 3, c.size(), c.size()};
        Nd4j.getRandom().setSeed(7);
        return Nd4j.rand(s.dtype(), shape);
    }

    /** The helper class of the first convolution ("none" when DL4J's built-in path runs). */
    static String helperOf(ComputationGraph net) {
        for (Layer layer : net.getLayers()) {
            Layer inner = layer instanceof org.deeplearning4j.nn.layers.FrozenLayer f ? f.getInsideLayer() : layer;
            if (inner instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) {
                return inner.getHelper() == null ? "none" : inner.getHelper().getClass().getSimpleName();
            }
        }
        return "none";
    }
}
