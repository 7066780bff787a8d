package org.roadcoder.model.layers;

import java.lang.reflect.Field;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's batch normalisation with roadcoder's faster backward pass ({@link FastBatchNormHelper}) in
 * place of the oneDNN helper's: every setting, parameter and the forward pass are DL4J's own. Where
 * DL4J runs no oneDNN helper (helpers off, CUDA with cuDNN, non-float) nothing changes.
 * Survives {@code ModelSerializer}: the configuration JSON names this class.
 */
public class FastBatchNormalization extends BatchNormalization {

    private static final Field HELPER = helperField();

    /** For Jackson (configuration JSON). */
    public FastBatchNormalization() {
        super();
    }

    /** The tuned variant of a configuration built with DL4J's builder. */
    public static FastBatchNormalization of(BatchNormalization conf) {
        return ConfCopy.into(conf, new FastBatchNormalization(), BatchNormalization.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
            int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        Layer layer = super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, initializeParams,
                networkDataType);
        try {
            Object helper = HELPER.get(layer);
            if (helper instanceof MKLDNNBatchNormHelper oneDnn) {
                HELPER.set(layer, new FastBatchNormHelper(oneDnn));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot install the batch-norm helper: " + e.getMessage(), e);
        }
        return layer;
    }

    /** The helper DL4J's layer runs (null when none): for tests and the benchmark's report. */
    public static BatchNormalizationHelper helperOf(Layer layer) {
        try {
            return (BatchNormalizationHelper) HELPER.get(layer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public FastBatchNormalization clone() {
        return (FastBatchNormalization) super.clone();
    }

    private static Field helperField() {
        try {
            Field f = org.deeplearning4j.nn.layers.normalization.BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DL4J's BatchNormalization layer has no 'helper' field any more "
                    + "(DL4J version changed?): roadcoder's batch-norm backward cannot be installed", e);
        }
    }
}
