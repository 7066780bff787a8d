package org.roadcoder.model.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * Swaps a graph's convolution, batch-norm, ReLU and pooling layers between DL4J's stock implementations
 * and roadcoder's tuned ones ({@link FastConvolutionLayer}, {@link FastBatchNormalization},
 * {@link InPlaceReluLayer}, {@link FastSubsamplingLayer}), keeping every setting and parameter. roadcoder's own VGG builder uses the
 * tuned layers directly; this converts the DL4J zoo's graphs, and goes back to stock layers to compare
 * or to rule the tuned layers out ({@code docs/performance.md}).
 */
public final class TunedLayers {

    private TunedLayers() {
    }

    /**
     * {@code graph} rebuilt on the tuned layers. The result shares {@code graph}'s parameter array (a
     * full VGG16 is 0.5 GB; no copy), so use the result, not the original, from then on. Updater state
     * is not carried: convert before training.
     */
    public static ComputationGraph tune(ComputationGraph graph) {
        return rebuild(graph, true);
    }

    /** {@code graph} rebuilt on DL4J's stock layers, sharing its parameter array as {@link #tune} does. */
    public static ComputationGraph stock(ComputationGraph graph) {
        return rebuild(graph, false);
    }

    /** How many of the graph's layers are tuned ones (the benchmark and tests check it). */
    public static long countTuned(ComputationGraph graph) {
        return graph.getConfiguration().getVertices().values().stream()
                .filter(v -> v instanceof LayerVertex lv && isTuned(lv.getLayerConf().getLayer())).count();
    }

    private static boolean isTuned(Layer layer) {
        return layer instanceof FastConvolutionLayer || layer instanceof FastBatchNormalization
                || layer instanceof InPlaceReluLayer || layer instanceof FastSubsamplingLayer;
    }

    private static ComputationGraph rebuild(ComputationGraph graph, boolean tuned) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Map<String, GraphVertex> vertices = conf.getVertices();
        for (Map.Entry<String, GraphVertex> e : vertices.entrySet()) {
            if (e.getValue() instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                lv.getLayerConf().setLayer(tuned ? tuned(e.getKey(), layer, conf) : stock(layer));
            }
        }
        ComputationGraph out = new ComputationGraph(conf);
        out.init(graph.params(), false);
        return out;
    }

    private static Layer tuned(String name, Layer layer, ComputationGraphConfiguration conf) {
        if (layer instanceof ConvolutionLayer c && c.getClass() == ConvolutionLayer.class) {
            return FastConvolutionLayer.of(c);
        }
        if (layer instanceof BatchNormalization b && b.getClass() == BatchNormalization.class) {
            return FastBatchNormalization.of(b);
        }
        if (layer.getClass() == SubsamplingLayer.class) {
            return FastSubsamplingLayer.of((SubsamplingLayer) layer);
        }
        if (layer.getClass() == ActivationLayer.class && isPlainRelu(((ActivationLayer) layer).getActivationFn())
                && feedsOnly(name, conf) && inputIsBatchNorm(name, conf)) {
            InPlaceReluLayer relu = new InPlaceReluLayer();
            relu.setLayerName(layer.getLayerName());
            return relu;
        }
        return layer;
    }

    private static Layer stock(Layer layer) {
        if (layer instanceof FastConvolutionLayer c) {
            return ConfCopy.into(c, new ConvolutionLayer(), ConvolutionLayer.class);
        }
        if (layer instanceof FastBatchNormalization b) {
            return ConfCopy.into(b, new BatchNormalization(), BatchNormalization.class);
        }
        if (layer instanceof FastSubsamplingLayer s) {
            return ConfCopy.into(s, new SubsamplingLayer(), SubsamplingLayer.class);
        }
        if (layer instanceof InPlaceReluLayer r) {
            return ConfCopy.into(r, new ActivationLayer(Activation.RELU), ActivationLayer.class);
        }
        return layer;
    }

    /** max(0, x) itself: no cap, threshold or leak (whose derivative does not follow from the output alone). */
    static boolean isPlainRelu(IActivation activation) {
        return activation instanceof ActivationReLU r && r.getMax() == null && r.getThreshold() == null
                && r.getNegativeSlope() == null;
    }

    /** The ReLU's input vertex is read by the ReLU alone, so overwriting it is safe. */
    private static boolean feedsOnly(String relu, ComputationGraphConfiguration conf) {
        List<String> inputs = conf.getVertexInputs().get(relu);
        if (inputs == null || inputs.size() != 1 || conf.getNetworkOutputs().contains(inputs.get(0))) {
            return false;
        }
        String input = inputs.get(0);
        return conf.getVertexInputs().values().stream().filter(in -> in.contains(input)).count() == 1;
    }

    private static boolean inputIsBatchNorm(String relu, ComputationGraphConfiguration conf) {
        GraphVertex in = conf.getVertices().get(conf.getVertexInputs().get(relu).get(0));
        return in instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof BatchNormalization;
    }
}
