package org.roadcoder.model.featurize;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearningHelper;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fits the trainable part of a network from saved features. After every {@link #fit} the fitted
 * parameters are also in the whole network given to the constructor, which can then be saved and
 * used on images as usual.
 */
public final class HeadTrainer {

    private final TransferLearningHelper helper;

    /** @param net the same frozen network the features were computed with */
    public HeadTrainer(ComputationGraph net) {
        Featurizer.requireFrozen(net);
        this.helper = new TransferLearningHelper(net);
    }

    /** Runs {@code epochs} passes over the saved features. */
    public void fit(FeatureStore features, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        for (int e = 0; e < epochs; e++) {
            helper.fitFeaturized(features.iterator());
        }
    }

    /** Runs one pass over the saved features in the order {@code seed} shuffles them into. */
    public void fitEpoch(FeatureStore features, long seed) {
        helper.fitFeaturized(features.shuffled(seed));
    }

    /** The trainable part as a network of its own, reading features. */
    public ComputationGraph head() {
        return helper.unfrozenGraph();
    }

    /** The network's output from saved features, without the backbone. */
    public INDArray outputFromFeatures(INDArray features) {
        return helper.outputFromFeaturized(features);
    }
}
