package org.roadcoder.model.init;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Re-initialises convolution and dense layers of a built graph the way PyTorch's {@code nn.Conv2d}
 * and {@code nn.Linear} start: weights and biases uniform in +-1/sqrt(fan_in), fan_in = inputs x
 * kernel area. DL4J has no such bias initialisation, so it is done on the parameters after
 * {@code init()}; the result is saved with the network like any trained weight.
 */
public final class TorchInit {

    private TorchInit() {
    }

    /** Re-initialises the named layers (those with weights {@code W}); others are left alone. */
    public static void apply(ComputationGraph graph, Collection<String> layers, long seed) {
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        for (String name : layers) {
            Layer layer = graph.getLayer(name);
            if (layer == null || layer.numParams() == 0 || !(layer.conf().getLayer() instanceof FeedForwardLayer ff)) {
                continue;
            }
            INDArray w = layer.getParam("W");
            if (w == null) {
                continue;
            }
            long fanIn = ff.getNIn();
            if (ff instanceof ConvolutionLayer conv) {
                fanIn *= (long) conv.getKernelSize()[0] * conv.getKernelSize()[1];
            }
            double bound = 1.0 / Math.sqrt(fanIn);
            fill(w, bound, random);
            INDArray b = layer.getParam("b");
            if (b != null) {
                fill(b, bound, random);
            }
        }
    }

    private static void fill(INDArray param, double bound, Random random) {
        param.assign(Nd4j.rand(param.shape(), -bound, bound, random).castTo(param.dataType()));
    }
}
