package org.roadcoder.search;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.saving.InMemoryResultSaver;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.featurize.FeatureStore;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * Arbiter search over the classifier head. On featurized data (the default) the frozen backbone was
 * computed once; every candidate fits a fresh head on the same saved features and is scored on the
 * same validation features. An app may train candidates otherwise ({@link Builder#setTraining}), e.g.
 * fine-tune the whole network per candidate. Build with {@link #builder()}: {@code setX} for what is
 * required, {@code optX} for what is optional.
 */
public final class HeadSearch {

    private final Builder b;

    private HeadSearch(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the search to its termination conditions; failed candidates are recorded, not fatal. */
    public SearchOutcome run() {
        SearchOptions o = b.options;
        ValidationScore score = new ValidationScore(o.score(), b.layout);
        SearchLog log = new SearchLog(score.minimize());
        HeadSpace space = new HeadSpace(b.space, b.base);
        CandidateGenerator generator = generator(space, o);
        // Arbiter beta7's runner does not stop when a grid runs out of candidates: it waits for a
        // termination condition, so never ask for more candidates than the grid has.
        int maxCandidates = generator instanceof GridSearchCandidateGenerator grid
                ? Math.min(o.maxCandidates(), grid.getTotalNumCandidates()) : o.maxCandidates();
        OptimizationConfiguration.Builder conf = new OptimizationConfiguration.Builder()
                .candidateGenerator(generator)
                .modelSaver(new InMemoryResultSaver())
                .scoreFunction(score)
                .terminationConditions(new MaxCandidatesCondition(maxCandidates),
                        new MaxTimeCondition(o.maxTime().toMillis(), TimeUnit.MILLISECONDS))
                .rngSeed(o.seed());
        CandidateTraining training = b.training;
        if (training == null) {
            conf.dataSource(FeatureDataSource.class, FeatureDataSource.properties(b.train, b.validation));
            training = new FeaturizedTraining(b.factory, b.train, b.validation, score, o.epochs());
        }
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf.build(),
                new CandidateTask(training, log, b.progress, b.listeners));
        b.listeners.attach(runner);
        runner.execute();
        return new SearchOutcome(log.ranked(), log.bestRecord(), log.best(), score.toString());
    }

    private static CandidateGenerator generator(HeadSpace space, SearchOptions o) {
        if (o.strategy() == SearchOptions.Strategy.GRID) {
            return new GridSearchCandidateGenerator(space, o.gridSteps(), GridSearchCandidateGenerator.Mode.Sequential,
                    null);
        }
        RandomSearchGenerator random = new RandomSearchGenerator(space, null);
        random.setRngSeed(o.seed());
        return random;
    }

    /** Collects what a search needs. */
    public static final class Builder {
        private SearchSpace space;
        private HeadFactory factory;
        private FeatureStore train;
        private FeatureStore validation;
        private CandidateTraining training;
        private OutputLayout layout;
        private HeadOptions base = HeadOptions.defaults();
        private SearchOptions options = SearchOptions.defaults();
        private TrainingListeners listeners = TrainingListeners.none();
        private Consumer<CandidateRecord> progress = r -> { };

        public Builder setSpace(SearchSpace s) {
            this.space = s;
            return this;
        }

        /** Builds a candidate's whole network; its backbone must be the one the features came from. */
        public Builder setFactory(HeadFactory f) {
            this.factory = f;
            return this;
        }

        public Builder setFeatures(FeatureStore trainFeatures, FeatureStore validationFeatures) {
            this.train = trainFeatures;
            this.validation = validationFeatures;
            return this;
        }

        /**
         * Instead of {@link #setFeatures} and {@link #setFactory}: how candidates are trained and
         * scored. The search ranks the scores as {@link SearchOptions#score()} says (macro-F1 higher,
         * loss lower is better), so the training must score by that measure; it decides its own
         * epochs ({@link SearchOptions#epochs()} is for featurized training).
         */
        public Builder setTraining(CandidateTraining t) {
            this.training = t;
            return this;
        }

        public Builder setLayout(OutputLayout l) {
            this.layout = l;
            return this;
        }

        /** Head settings the search does not vary (feature learning rate, freezing, seed). */
        public Builder optBase(HeadOptions h) {
            this.base = h;
            return this;
        }

        public Builder optOptions(SearchOptions o) {
            this.options = o;
            return this;
        }

        public Builder optListeners(TrainingListeners l) {
            this.listeners = l;
            return this;
        }

        /** Called after each candidate, from the search's thread. */
        public Builder optProgress(Consumer<CandidateRecord> p) {
            this.progress = p;
            return this;
        }

        public HeadSearch build() {
            Objects.requireNonNull(space, "setSpace");
            Objects.requireNonNull(layout, "setLayout");
            if (training != null && (factory != null || train != null)) {
                throw new IllegalStateException("setTraining replaces setFeatures and setFactory; give one or the "
                        + "other");
            }
            if (training == null) {
                Objects.requireNonNull(factory, "setFactory (or setTraining)");
                Objects.requireNonNull(train, "setFeatures (or setTraining)");
                Objects.requireNonNull(validation, "setFeatures (or setTraining)");
            }
            return new HeadSearch(this);
        }
    }
}
