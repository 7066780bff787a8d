package org.roadcoder.search;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * How one candidate's network is trained and scored. The search's own way fits a fresh head on the
 * features saved once ({@link HeadSearch.Builder#setFeatures}); an app may train candidates
 * otherwise, e.g. fine-tune the whole network on images ({@link HeadSearch.Builder#setTraining}).
 */
@FunctionalInterface
public interface CandidateTraining {

    /**
     * Builds the network with {@code head}, trains it and scores it on validation data. Throws when
     * the candidate fails; the search records the error and goes on.
     *
     * @param index     the candidate's index, also its training-UI session ({@link TrainingListeners})
     * @param listeners where the candidate's training statistics go
     * @param epochDone to be called after every finished epoch, so that a candidate failing later still
     *                  has its epochs counted
     */
    Trained train(HeadOptions head, int index, TrainingListeners listeners, Runnable epochDone) throws Exception;

    /** A trained candidate: its whole network (what the search keeps of the best) and its validation score. */
    record Trained(ComputationGraph net, double score) {
    }
}
