package org.roadcoder.model.metrics;

/**
 * Scores of one output: a flag, or one category of an exclusive group.
 *
 * <p>Conventions where a ratio is 0/0: precision is 0 when nothing was predicted positive, recall
 * and average precision are 0 when there is no positive example, F1 is 0 when precision + recall is
 * 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param label            the flag's name, or {@code group[index]} for a category
 * @param precision        TP / (TP + FP)
 * @param recall           TP / (TP + FN)
 * @param f1               harmonic mean of precision and recall
 * @param averagePrecision area under the precision-recall curve of the output's probability,
 *                         threshold-free (scikit-learn's {@code average_precision_score})
 * @param support          number of positive examples
 * @param predicted        number of examples predicted positive
 */
public record LabelMetrics(String label, double precision, double recall, double f1, double averagePrecision,
        long support, long predicted) {

    /** Metrics from predictions (at the decision threshold) and scores (for average precision). */
    static LabelMetrics of(String label, boolean[] truth, boolean[] predictedPositive, double[] scores) {
        long tp = 0;
        long support = 0;
        long predicted = 0;
        for (int i = 0; i < truth.length; i++) {
            support += truth[i] ? 1 : 0;
            predicted += predictedPositive[i] ? 1 : 0;
            tp += truth[i] && predictedPositive[i] ? 1 : 0;
        }
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = support == 0 ? 0 : (double) tp / support;
        return new LabelMetrics(label, precision, recall, f1(precision, recall), averagePrecision(truth, scores),
                support, predicted);
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * Sum over distinct score thresholds, highest first, of (R_k - R_k-1) x P_k; tied scores form one
     * step, as in scikit-learn.
     */
    static double averagePrecision(boolean[] truth, double[] scores) {
        Integer[] order = new Integer[scores.length];
        long positives = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            positives += truth[i] ? 1 : 0;
        }
        if (positives == 0) {
            return 0;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double ap = 0;
        long tp = 0;
        long seen = 0;
        double previousRecall = 0;
        for (int k = 0; k < order.length; k++) {
            tp += truth[order[k]] ? 1 : 0;
            seen++;
            boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                double recall = (double) tp / positives;
                ap += (recall - previousRecall) * ((double) tp / seen);
                previousRecall = recall;
            }
        }
        return ap;
    }
}
