package org.roadcoder.search;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.featurize.HeadOutputs;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.Thresholds;

/**
 * Arbiter score of a candidate's head (a graph that reads features) on the validation features:
 * the project's own validation macro-F1 over the exclusive groups, or the mean validation loss.
 */
public final class ValidationScore implements ScoreFunction {

    private static final long serialVersionUID = 1L;

    @JsonProperty
    private SearchOptions.ScoreKind kind;
    @JsonProperty
    private OutputLayout layout;

    /** For Jackson: Arbiter's UI reads the search's configuration back from JSON. */
    @SuppressWarnings("unused")
    private ValidationScore() {
    }

    public ValidationScore(SearchOptions.ScoreKind kind, OutputLayout layout) {
        this.kind = kind;
        this.layout = layout;
    }

    /** Scores {@code head} on validation features. */
    public double score(ComputationGraph head, DataSetIterator validation) {
        validation.reset();
        if (kind == SearchOptions.ScoreKind.LOSS) {
            double sum = 0;
            long n = 0;
            while (validation.hasNext()) {
                DataSet ds = validation.next();
                sum += head.score(ds) * ds.numExamples();
                n += ds.numExamples();
            }
            return sum / n;
        }
        HeadOutputs outputs = HeadOutputs.of(head, validation);
        return Evaluator.evaluate(layout, outputs.probabilities(), outputs.labels(), Thresholds.defaults())
                .metric(Evaluation.SELECTION);
    }

    @Override
    public double score(Object model, DataProvider provider, Map<String, Object> params) {
        return score((ComputationGraph) model, (DataSetIterator) provider.testData(params));
    }

    @Override
    public double score(Object model, Class<? extends DataSource> source, Properties properties) {
        FeatureDataSource data = new FeatureDataSource();
        data.configure(properties);
        return score((ComputationGraph) model, (DataSetIterator) data.testData());
    }

    @Override
    public boolean minimize() {
        return kind == SearchOptions.ScoreKind.LOSS;
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of(ComputationGraph.class);
    }

    @Override
    public List<Class<?>> getSupportedDataTypes() {
        return List.of(DataSetIterator.class);
    }

    @Override
    public String toString() {
        return kind == SearchOptions.ScoreKind.LOSS ? "validation loss" : "validation macro-F1";
    }
}
