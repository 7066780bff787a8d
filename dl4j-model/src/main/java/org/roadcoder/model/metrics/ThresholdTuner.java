package org.roadcoder.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.OutputLayout;

/**
 * Chooses each flag's decision threshold on validation data to maximise its F1. Rare point objects
 * (crossings, junctions) are copied to all ten frames of a segment but visible in few, so 0.5 is
 * rarely their best threshold.
 */
public final class ThresholdTuner {

    private ThresholdTuner() {
    }

    public static Thresholds tune(OutputLayout layout, INDArray probabilities, INDArray labels) {
        return tune(layout, probabilities.toDoubleMatrix(), labels.toDoubleMatrix());
    }

    /**
     * Candidates are the observed probabilities of the flag; the highest F1 wins and, among equal
     * F1s, the highest threshold (fewer false alarms). A flag with no positive example in the data
     * keeps {@value Thresholds#DEFAULT}.
     */
    public static Thresholds tune(OutputLayout layout, double[][] p, double[][] y) {
        Map<String, Double> chosen = new LinkedHashMap<>();
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() != OutputLayout.Kind.SIGMOID) {
                continue;
            }
            int col = b.offset();
            boolean[] truth = new boolean[p.length];
            TreeSet<Double> candidates = new TreeSet<>();
            boolean anyPositive = false;
            for (int r = 0; r < p.length; r++) {
                truth[r] = y[r][col] > 0.5;
                anyPositive |= truth[r];
                candidates.add(p[r][col]);
            }
            if (!anyPositive) {
                chosen.put(b.name(), Thresholds.DEFAULT);
                continue;
            }
            double best = Thresholds.DEFAULT;
            double bestF1 = -1;
            for (double t : candidates.descendingSet()) {
                double f1 = f1At(truth, p, col, t);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = t;
                }
            }
            chosen.put(b.name(), best);
        }
        return new Thresholds(chosen);
    }

    private static double f1At(boolean[] truth, double[][] p, int col, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int r = 0; r < truth.length; r++) {
            boolean predicted = p[r][col] >= threshold;
            tp += predicted && truth[r] ? 1 : 0;
            fp += predicted && !truth[r] ? 1 : 0;
            fn += !predicted && truth[r] ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
