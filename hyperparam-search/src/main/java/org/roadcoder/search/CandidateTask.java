package org.roadcoder.search;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Arbiter task for one candidate: train and score it the search's way ({@link CandidateTraining}) and
 * record the outcome. A failure is recorded with its error and rethrown, so Arbiter counts it as
 * failed and goes on with the next candidate. The data come with the training, not from Arbiter.
 */
final class CandidateTask implements TaskCreator {

    private final CandidateTraining training;
    private final SearchLog log;
    private final Consumer<CandidateRecord> progress;
    private final TrainingListeners listeners;

    CandidateTask(CandidateTraining training, SearchLog log, Consumer<CandidateRecord> progress,
                  TrainingListeners listeners) {
        this.training = training;
        this.log = log;
        this.progress = progress;
        this.listeners = listeners;
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider provider, ScoreFunction score,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        return () -> run(candidate);
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> source,
                                               Properties properties, ScoreFunction score,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        return () -> run(candidate);
    }

    private OptimizationResult run(Candidate candidate) throws Exception {
        HeadOptions head = (HeadOptions) candidate.getValue();
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        AtomicInteger epochs = new AtomicInteger();
        try {
            CandidateTraining.Trained trained = training.train(head, candidate.getIndex(), listeners,
                    epochs::incrementAndGet);
            if (Double.isNaN(trained.score())) {
                throw new IllegalStateException("score is NaN: the network diverged");
            }
            CandidateRecord r = record(candidate.getIndex(), head, trained.score(), epochs.get(), start, "");
            log.add(r, trained.net());
            progress.accept(r);
            CandidateInfo info = new CandidateInfo(candidate.getIndex(), CandidateStatus.Complete, trained.score(),
                    startMs, startMs, System.currentTimeMillis(), candidate.getFlatParameters(), null);
            return new OptimizationResult(candidate, trained.score(), candidate.getIndex(), null, info, null);
        } catch (Exception | Error e) {
            CandidateRecord r = record(candidate.getIndex(), head, Double.NaN, epochs.get(), start, String.valueOf(e));
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
