package org.roadcoder.model.metrics;

import java.util.List;
import java.util.Map;

/**
 * The result of evaluating probabilities against labels.
 *
 * @param labels  per output, in output order
 * @param metrics named metrics, in a fixed order: per group {@code acc/<group>} and {@code f1/<group>}
 *                (a flag's F1 of its positive class; an exclusive group's macro-F1 over the categories
 *                that occur in its labels or predictions), per flag {@code ap/<flag>}, then
 *                {@code macro_f1} (mean of the exclusive groups' F1) and {@code mean_flag_f1}
 */
public record Evaluation(List<LabelMetrics> labels, Map<String, Double> metrics) {

    /**
     * What model selection (best epoch, early stopping, search score) compares: the mean F1 over
     * every group, flags included (macro-F1 per exclusive group, F1 of the positive class per flag).
     */
    public static final String SELECTION = "all_groups_f1";

    public Evaluation {
        labels = List.copyOf(labels);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** A named metric; fails with the known names if there is no such metric. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; known: " + metrics.keySet());
        }
        return value;
    }

    /** The metrics of one output, by label name. */
    public LabelMetrics label(String name) {
        return labels.stream().filter(l -> l.label().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no label '" + name + "'"));
    }
}
