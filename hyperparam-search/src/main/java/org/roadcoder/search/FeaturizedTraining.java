package org.roadcoder.search;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.HeadTrainer;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * A candidate on featurized data: the whole network with the candidate's head, its head fitted for a
 * fixed number of epochs on the saved training features and scored on the saved validation features.
 */
final class FeaturizedTraining implements CandidateTraining {

    private final HeadFactory factory;
    private final FeatureStore train;
    private final FeatureStore validation;
    private final ValidationScore score;
    private final int epochs;

    FeaturizedTraining(HeadFactory factory, FeatureStore train, FeatureStore validation, ValidationScore score,
                       int epochs) {
        this.factory = factory;
        this.train = train;
        this.validation = validation;
        this.score = score;
        this.epochs = epochs;
    }

    @Override
    public Trained train(HeadOptions head, Progress progress) throws Exception {
        ComputationGraph net = factory.build(head);
        HeadTrainer trainer = new HeadTrainer(net);
        progress.watch(trainer.head());
        for (int e = 0; e < epochs; e++) {
            trainer.fit(train, 1);
            progress.epochDone();
        }
        return new Trained(net, score.score(trainer.head(), validation.iterator()));
    }
}
