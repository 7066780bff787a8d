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
 * Arbiter search over the classifier head on featurized data: the frozen backbone was computed
 * once; every candidate fits a fresh head on the same saved features and is scored on the same
 * validation features. Build with {@link #builder()}: {@code setX} for what is required,
 * {@code optX} for what is optional.
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
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder()
                .candidateGenerator(generator)
                .dataSource(FeatureDataSource.class, FeatureDataSource.properties(b.train, b.validation))
                .modelSaver(new InMemoryResultSaver())
                .scoreFunction(score)
                .terminationConditions(new MaxCandidatesCondition(maxCandidates),
                        new MaxTimeCondition(o.maxTime().toMillis(), TimeUnit.MILLISECONDS))
                .rngSeed(o.seed())
                .build();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(1, conf,
                new CandidateTask(b.factory, o.epochs(), log, b.progress, b.listeners));
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
            Objects.requireNonNull(factory, "setFactory");
            Objects.requireNonNull(train, "setFeatures");
            Objects.requireNonNull(validation, "setFeatures");
            Objects.requireNonNull(layout, "setLayout");
            return new HeadSearch(this);
        }
    }
}
