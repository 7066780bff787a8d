package org.roadcoder.model.backbone;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Copies the convolutional part's parameters from one network into another by layer name. The
 * feature layers' shapes do not depend on the input size, so weights pretrained at 224x224 serve a
 * backbone built for any other size; the classifier, which does depend on it, is not copied.
 */
public final class FeatureWeights {

    private FeatureWeights() {
    }

    /** Copies every parameterised layer up to {@code target.features()} from {@code source}. */
    public static void copy(ComputationGraph source, BackboneGraph target) {
        for (String name : target.featureVertices()) {
            Layer to = target.graph().getLayer(name);
            if (to == null || to.numParams() == 0) {
                continue;
            }
            Layer from = source.getLayer(name);
            if (from == null) {
                throw new IllegalArgumentException("the pretrained network has no layer " + name);
            }
            if (!Arrays.equals(from.params().shape(), to.params().shape())) {
                throw new IllegalArgumentException("layer " + name + ": pretrained parameters of shape "
                        + Arrays.toString(from.params().shape()) + " do not fit " + Arrays.toString(to.params().shape()));
            }
            to.setParams(from.params().dup());
        }
    }
}
