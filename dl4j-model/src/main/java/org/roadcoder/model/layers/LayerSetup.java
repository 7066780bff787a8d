package org.roadcoder.model.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every DL4J layer configuration's {@code instantiate} does to a new layer, done once for the tuned layers. */
final class LayerSetup {

    private LayerSetup() {
    }

    static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, ParamInitializer initializer,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> paramTable = initializer.init(conf, paramsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
