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
     */
    Trained train(HeadOptions head, Progress progress) throws Exception;

    /** A trained candidate: its whole network (what the search keeps of the best) and its validation score. */
    record Trained(ComputationGraph net, double score) {
    }

    /** What a training reports to the search while it runs. */
    interface Progress {

        /** The candidate's index: its training-UI session is {@code TrainingListeners.sessionId(candidate())}. */
        int candidate();

        /**
         * Shows {@code trained}, the graph that is about to be fitted, in the training UIs (a DL4J
         * training-UI session for the candidate, and its score in Arbiter's pages).
         */
        void watch(ComputationGraph trained);

        /** After every finished epoch, so that a candidate failing later still has its epochs counted. */
        void epochDone();
    }
}
