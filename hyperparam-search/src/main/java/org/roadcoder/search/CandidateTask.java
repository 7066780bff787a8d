package org.roadcoder.search;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.roadcoder.model.featurize.HeadTrainer;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Arbiter task for one candidate: build the network with the candidate's head, fit the head on the
 * saved training features, score it on the validation features. A failure is recorded with its
 * error and rethrown, so Arbiter counts it as failed and goes on with the next candidate.
 */
final class CandidateTask implements TaskCreator {

    private final HeadFactory factory;
    private final int epochs;
    private final SearchLog log;
    private final Consumer<CandidateRecord> progress;
    private final TrainingListeners listeners;

    CandidateTask(HeadFactory factory, int epochs, SearchLog log, Consumer<CandidateRecord> progress,
                  TrainingListeners listeners) {
        this.factory = factory;
        this.epochs = epochs;
        this.log = log;
        this.progress = progress;
        this.listeners = listeners;
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider provider, ScoreFunction score,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        throw new IllegalStateException("roadcoder's search configures Arbiter with a DataSource, not a DataProvider");
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> source,
                                               Properties properties, ScoreFunction score,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        return () -> run(candidate, properties, (ValidationScore) score);
    }

    private OptimizationResult run(Candidate candidate, Properties properties, ValidationScore score) throws Exception {
        HeadOptions head = (HeadOptions) candidate.getValue();
        long start = System.nanoTime();
        int trained = 0;
        try {
            FeatureDataSource data = new FeatureDataSource();
            data.configure(properties);
            ComputationGraph net = factory.build(head);
            HeadTrainer trainer = new HeadTrainer(net);
            listeners.attach(trainer.head(), candidate.getIndex());
            for (int e = 0; e < epochs; e++) {
                trainer.fit(data.trainStore(), 1);
                trained++;
            }
            double value = score.score(trainer.head(), data.validationStore().iterator());
            if (Double.isNaN(value)) {
                throw new IllegalStateException("score is NaN: the head diverged");
            }
            CandidateRecord r = record(candidate.getIndex(), head, value, trained, start, "");
            log.add(r, net);
            progress.accept(r);
            CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, value,
                    start / 1_000_000, start / 1_000_000, System.currentTimeMillis(), candidate.getFlatParameters(), null);
            return new OptimizationResult(candidate, value, candidate.getIndex(), null, info, null);
        } catch (Exception | Error e) {
            CandidateRecord r = record(candidate.getIndex(), head, Double.NaN, trained, start, String.valueOf(e));
            log.add(r, null);
            progress.accept(r);
            throw e;
        }
    }

    private static CandidateRecord record(int index, HeadOptions head, double score, int epochs, long start,
                                          String error) {
        return new CandidateRecord(index, head.hidden(), head.dropRate(), head.classifierLr(), score, epochs,
                (System.nanoTime() - start) / 1e9, error);
    }
}
