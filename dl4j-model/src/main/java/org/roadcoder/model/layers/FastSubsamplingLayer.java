package org.roadcoder.model.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of DL4J's subsampling layer that instantiates {@link FastSubsampling} (max pooling by
 * {@link MaxPoolKernel}). Same settings, same JSON fields; the class name in the JSON is this one.
 */
public class FastSubsamplingLayer extends SubsamplingLayer {

    /** For Jackson (configuration JSON). */
    public FastSubsamplingLayer() {
        super();
    }

    /** The tuned variant of a configuration built with DL4J's builder or taken from a zoo graph. */
    public static FastSubsamplingLayer of(SubsamplingLayer conf) {
        return ConfCopy.into(conf, new FastSubsamplingLayer(), SubsamplingLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerSetup.wire(new FastSubsampling(conf, networkDataType), conf, initializer(), trainingListeners,
                layerIndex, layerParamsView, initializeParams);
    }

    @Override
    public FastSubsamplingLayer clone() {
        return (FastSubsamplingLayer) super.clone();
    }
}
