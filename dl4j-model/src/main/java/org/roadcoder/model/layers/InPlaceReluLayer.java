package org.roadcoder.model.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a ReLU layer that instantiates {@link InPlaceRelu}: only where its input feeds
 * nothing else (after batch norm in VGG-BN).
 */
public class InPlaceReluLayer extends ActivationLayer {

    /** For Jackson (configuration JSON). */
    public InPlaceReluLayer() {
        super(Activation.RELU);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerSetup.wire(new InPlaceRelu(conf, networkDataType), conf, initializer(), trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public InPlaceReluLayer clone() {
        return (InPlaceReluLayer) super.clone();
    }
}
