package org.roadcoder.model.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of DL4J's convolution layer that instantiates {@link FastConvolution} (no second
 * forward pass in backprop). Same parameters, same JSON fields; the class name in the JSON is this one.
 */
public class FastConvolutionLayer extends ConvolutionLayer {

    /** For Jackson (configuration JSON). */
    public FastConvolutionLayer() {
        super();
    }

    /** The tuned variant of a configuration built with DL4J's builder or taken from a zoo graph. */
    public static FastConvolutionLayer of(ConvolutionLayer conf) {
        return ConfCopy.into(conf, new FastConvolutionLayer(), ConvolutionLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("ConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerSetup.wire(new FastConvolution(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public FastConvolutionLayer clone() {
        return (FastConvolutionLayer) super.clone();
    }
}
