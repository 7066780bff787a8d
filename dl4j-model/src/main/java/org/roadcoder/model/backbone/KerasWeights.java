package org.roadcoder.model.backbone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

/**
 * Reads a Keras VGG's convolutional weights from a full-model {@code .h5} (what {@code model.save()}
 * writes, e.g. {@code keras.applications.VGG16(include_top=False)}) through DL4J's Keras import, and
 * copies the k-th convolution into the backbone's k-th convolution. DL4J's import already turns Keras'
 * kernels (height, width, in, out) into its own (out, in, height, width), so the Keras model's
 * channels-last input does not matter. Batch-norm VGGs are not read from Keras (VGG16/19 have none).
 */
public final class KerasWeights {

    private KerasWeights() {
    }

    public static void load(Path h5File, BackboneGraph target) throws IOException {
        if (!Files.isRegularFile(h5File)) {
            throw new IOException("no Keras model file at " + h5File.toAbsolutePath());
        }
        ComputationGraph keras;
        try {
            keras = KerasModelImport.importKerasModelAndWeights(h5File.toString(), false);
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IOException(h5File + " is not a Keras model DL4J can import (a full model saved with "
                    + "model.save(), not a weights-only file): " + e.getMessage(), e);
        }
        if (!LayerOrder.of(keras, BatchNormalization.class).isEmpty()) {
            throw new IllegalArgumentException(h5File + " has batch normalisation; only plain VGGs are read from Keras");
        }
        List<String> from = LayerOrder.of(keras, ConvolutionLayer.class);
        List<String> to = LayerOrder.of(target.graph(), ConvolutionLayer.class);
        if (from.size() != to.size()) {
            throw new IllegalArgumentException(h5File + " has " + from.size() + " convolutions; the backbone has "
                    + to.size());
        }
        for (int k = 0; k < from.size(); k++) {
            copy(keras.getLayer(from.get(k)), target.graph().getLayer(to.get(k)), from.get(k), to.get(k));
        }
    }

    private static void copy(Layer source, Layer target, String sourceName, String targetName) {
        for (String key : List.of("W", "b")) {
            long[] have = source.getParam(key).shape();
            long[] want = target.getParam(key).shape();
            if (!Arrays.equals(have, want)) {
                throw new IllegalArgumentException("Keras layer " + sourceName + " " + key + " " + Arrays.toString(have)
                        + " does not fit " + targetName + " " + key + " " + Arrays.toString(want));
            }
            target.getParam(key).assign(source.getParam(key));
        }
    }
}
