package org.roadcoder.model.inference;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.layers.FastConvolutionLayer;
import org.roadcoder.model.layers.FastSubsamplingLayer;

/**
 * Rebuilds a trained NCHW VGG-style graph in NHWC with the same weights, for faster inference on CPU
 * (docs/benchmarks.md). What changes and what does not, in DL4J 1.0.0-M2.1:
 * <ul>
 *   <li>convolution kernels keep their parameter layout {@code [out, in, kH, kW]} in either format,
 *       and batch norm's gamma, beta, mean and variance are per channel: copied as they are;</li>
 *   <li>the flatten before the first dense layer ({@link CnnToFeedForwardPreProcessor}) is a plain
 *       C-order reshape, so NHWC flattens in HWC order where NCHW flattens in CHW order: that dense
 *       layer's weight rows are permuted to match, gathered straight into the new graph's parameters
 *       (no temporary copy: the stock VGG16's is 411 MB);</li>
 *   <li>the zoo graphs' {@link FeedForwardToCnnPreProcessor} on the input (a no-op for 4-d input, but
 *       an NCHW reshape of flat input) is dropped: the converted graph takes {@code [batch, H, W, C]}.</li>
 * </ul>
 * Only the layer types of roadcoder's networks are converted (convolution, max/avg pooling, batch
 * norm, activation, dropout, dense, output, roadcoder's tuned variants and frozen wrappers of these);
 * anything else is refused by name.
 */
public final class NhwcConversion {

    private NhwcConversion() {
    }

    /** Why {@code graph} cannot be converted, naming the vertex; null when it can. */
    public static String blocker(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            if (!(e.getValue() instanceof LayerVertex v)) {
                return "vertex " + e.getKey() + " is a " + e.getValue().getClass().getSimpleName() + ", not a layer";
            }
            Layer layer = unwrap(v.getLayerConf().getLayer());
            if (!(isExactly(layer, ConvolutionLayer.class) || layer instanceof FastConvolutionLayer
                    || isExactly(layer, SubsamplingLayer.class) || layer instanceof FastSubsamplingLayer
                    || layer instanceof BatchNormalization || layer instanceof ActivationLayer
                    || layer instanceof DropoutLayer || isExactly(layer, DenseLayer.class)
                    || isExactly(layer, OutputLayer.class))) {
                return "layer " + e.getKey() + " is a " + layer.getClass().getSimpleName();
            }
            InputPreProcessor p = v.getPreProcessor();
            boolean readsInput = conf.getNetworkInputs().containsAll(conf.getVertexInputs().get(e.getKey()));
            if (p != null && !(p instanceof CnnToFeedForwardPreProcessor)
                    && !(p instanceof FeedForwardToCnnPreProcessor && readsInput)) {
                return "layer " + e.getKey() + " has a " + p.getClass().getSimpleName();
            }
            if (p instanceof CnnToFeedForwardPreProcessor f
                    && (f.getNumChannels() < 1 || f.getInputHeight() < 1 || f.getInputWidth() < 1)) {
                return "layer " + e.getKey() + " flattens a feature map of unknown size";
            }
            if (layer instanceof ConvolutionLayer c && c.getCnn2dDataFormat() != CNN2DFormat.NCHW) {
                return "layer " + e.getKey() + " is already " + c.getCnn2dDataFormat();
            }
        }
        return null;
    }

    /**
     * The NHWC twin of {@code nchw}: same vertices, same outputs (to float rounding) for the input
     * permuted to {@code [batch, H, W, C]}. {@code nchw} is left as it was. Inference only: the copy has
     * no updater state.
     *
     * @throws IllegalArgumentException when {@link #blocker} names a reason
     */
    public static ComputationGraph toNhwc(ComputationGraph nchw) {
        String blocker = blocker(nchw);
        if (blocker != null) {
            throw new IllegalArgumentException("cannot convert the network to NHWC: " + blocker);
        }
        ComputationGraphConfiguration conf = nchw.getConfiguration().clone();
        Map<String, long[]> flattened = new LinkedHashMap<>();
        conf.getVertices().forEach((name, vertex) -> {
            LayerVertex v = (LayerVertex) vertex;
            Layer layer = unwrap(v.getLayerConf().getLayer());
            if (layer instanceof ConvolutionLayer c) {
                c.setCnn2dDataFormat(CNN2DFormat.NHWC);
            } else if (layer instanceof SubsamplingLayer s) {
                s.setCnn2dDataFormat(CNN2DFormat.NHWC);
            } else if (layer instanceof BatchNormalization b) {
                b.setCnn2DFormat(CNN2DFormat.NHWC);
            }
            if (v.getPreProcessor() instanceof FeedForwardToCnnPreProcessor) {
                v.setPreProcessor(null);
            } else if (v.getPreProcessor() instanceof CnnToFeedForwardPreProcessor f) {
                v.setPreProcessor(new CnnToFeedForwardPreProcessor(f.getInputHeight(), f.getInputWidth(),
                        f.getNumChannels(), CNN2DFormat.NHWC));
                flattened.put(name, new long[] {f.getNumChannels(), f.getInputHeight(), f.getInputWidth()});
            }
        });
        ComputationGraph nhwc = new ComputationGraph(conf);
        nhwc.init(nchw.params().dup(), false);
        flattened.forEach((name, chw) -> Nd4j.pullRows(weights(nchw, name), weights(nhwc, name), 1,
                hwcRowOrder(chw[0], chw[1], chw[2])));
        return nhwc;
    }

    /**
     * For each row of a dense layer's weights {@code [C*H*W, nOut]} in HWC flatten order (row
     * {@code h*W*C + w*C + c}), the row it was in CHW flatten order ({@code c*H*W + h*W + w}).
     */
    static int[] hwcRowOrder(long channels, long height, long width) {
        int[] order = new int[Math.toIntExact(channels * height * width)];
        int row = 0;
        for (long h = 0; h < height; h++) {
            for (long w = 0; w < width; w++) {
                for (long c = 0; c < channels; c++) {
                    order[row++] = Math.toIntExact(c * height * width + h * width + w);
                }
            }
        }
        return order;
    }

    private static INDArray weights(ComputationGraph graph, String layer) {
        return graph.getLayer(layer).getParam(DefaultParamInitializer.WEIGHT_KEY);
    }

    private static Layer unwrap(Layer layer) {
        Layer l = layer;
        while (true) {
            if (l instanceof FrozenLayer f) {
                l = f.getLayer();
            } else if (l instanceof BaseWrapperLayer w) {
                l = w.getUnderlying();
            } else {
                return l;
            }
        }
    }

    private static boolean isExactly(Layer layer, Class<? extends Layer> type) {
        return layer.getClass() == type;
    }
}
