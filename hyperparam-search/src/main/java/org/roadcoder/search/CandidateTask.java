package org.roadcoder.search;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.deeplearning4j.arbiter.listener.DL4JArbiterStatusReportingListener;
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
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Arbiter task for one candidate: train and score it the search's way ({@link CandidateTraining}) and
 * record the outcome. Like Arbiter's own tasks it tells the runner's status listeners when the
 * candidate runs, how its score goes per iteration, and how it ended. A failure is recorded with its
 * error and rethrown, so Arbiter counts it as failed and goes on with the next candidate. The data
 * come with the training, not from Arbiter.
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
        return () -> run(candidate, statusListeners, runner);
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> source,
                                               Properties properties, ScoreFunction score,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        return () -> run(candidate, statusListeners, runner);
    }

    private OptimizationResult run(Candidate candidate, List<StatusListener> status, IOptimizationRunner runner)
            throws Exception {
        HeadOptions head = (HeadOptions) candidate.getValue();
        int index = candidate.getIndex();
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        CandidateInfo running = new CandidateInfo(index, CandidateStatus.Running, null, startMs, startMs, null,
                candidate.getFlatParameters(), null);
        status.forEach(l -> l.onCandidateStatusChange(running, runner, null));
        AtomicInteger epochs = new AtomicInteger();
        CandidateTraining.Progress watch = new CandidateTraining.Progress() {
            @Override
            public int candidate() {
                return index;
            }

            @Override
            public void watch(ComputationGraph trained) {
                listeners.attach(trained, index);
                if (!status.isEmpty()) {
                    trained.addListeners(new DL4JArbiterStatusReportingListener(status, running));
                }
            }

            @Override
            public void epochDone() {
                epochs.incrementAndGet();
            }
        };
        try {
            CandidateTraining.Trained trained;
            try {
                trained = training.train(head, watch);
            } finally {
                listeners.flush();
            }
            if (Double.isNaN(trained.score())) {
                throw new IllegalStateException("score is NaN: the network diverged");
            }
            CandidateRecord r = record(index, head, trained.score(), epochs.get(), start, "");
            log.add(r, trained.net());
            progress.accept(r);
            CandidateInfo done = new CandidateInfo(index, CandidateStatus.Complete, trained.score(), startMs, startMs,
                    System.currentTimeMillis(), candidate.getFlatParameters(), null);
            OptimizationResult result = new OptimizationResult(candidate, trained.score(), index, null, done, null);
            status.forEach(l -> l.onCandidateStatusChange(done, runner, result));
            return result;
        } catch (Exception | Error e) {
            CandidateRecord r = record(index, head, Double.NaN, epochs.get(), start, String.valueOf(e));
            log.add(r, null);
            progress.accept(r);
            CandidateInfo failed = new CandidateInfo(index, CandidateStatus.Failed, null, startMs, startMs,
                    System.currentTimeMillis(), candidate.getFlatParameters(), stackTrace(e));
            status.forEach(l -> l.onCandidateStatusChange(failed, runner, null));
            throw e;
        }
    }

    private static CandidateRecord record(int index, HeadOptions head, double score, int epochs, long start,
                                          String error) {
        return new CandidateRecord(index, head.hidden(), head.dropRate(), head.classifierLr(), score, epochs,
                (System.nanoTime() - start) / 1e9, error);
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
