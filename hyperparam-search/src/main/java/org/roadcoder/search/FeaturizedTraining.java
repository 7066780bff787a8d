package org.roadcoder.search;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.featurize.HeadTrainer;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * A candidate on featurized data: the whole network with the candidate's head, its head fitted for a
 * fixed number of epochs on the saved training features (shuffled every epoch) and scored on the saved
 * validation features after each; the candidate keeps its best epoch and that epoch's score.
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
        double best = Double.NaN;
        INDArray bestParams = null;
        for (int e = 0; e < epochs; e++) {
            trainer.fitEpoch(train, head.seed() * 1_000_003L + e);
            double s = score.score(trainer.head(), validation.iterator());
            if (bestParams == null || (score.minimize() ? s < best : s > best)) {
                best = s;
                bestParams = net.params().dup();
            }
            progress.epochDone();
        }
        net.setParams(bestParams);
        return new Trained(net, best);
    }
}
