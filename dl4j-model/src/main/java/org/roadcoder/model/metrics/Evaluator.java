package org.roadcoder.model.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.OutputLayout;

/**
 * Scores grouped-output probabilities against labels: an exclusive group predicts its most probable
 * category, a flag is positive when its probability reaches its threshold.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(OutputLayout layout, INDArray probabilities, INDArray labels,
            Thresholds thresholds) {
        return evaluate(layout, probabilities.toDoubleMatrix(), labels.toDoubleMatrix(), thresholds);
    }

    /** @param p probabilities, [examples][outputs]; @param y labels, 0/1, one-hot within exclusive groups */
    public static Evaluation evaluate(OutputLayout layout, double[][] p, double[][] y, Thresholds thresholds) {
        if (p.length != y.length || p.length == 0 || p[0].length != layout.size() || y[0].length != layout.size()) {
            throw new IllegalArgumentException("expected probabilities and labels of the same [n > 0][" + layout.size()
                    + "] shape, got [" + p.length + "][" + (p.length == 0 ? 0 : p[0].length) + "] and ["
                    + y.length + "][" + (y.length == 0 ? 0 : y[0].length) + "]");
        }
        List<LabelMetrics> labels = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        double exclusiveF1 = 0;
        double flagF1 = 0;
        int exclusive = 0;
        int flags = 0;
        for (OutputLayout.Block b : layout.blocks()) {
            boolean flag = b.kind() == OutputLayout.Kind.SIGMOID;
            int[] truth = new int[p.length];
            int[] pred = new int[p.length];
            for (int r = 0; r < p.length; r++) {
                truth[r] = flag ? (y[r][b.offset()] > 0.5 ? 1 : 0) : b.argmax(y[r]);
                pred[r] = flag ? (p[r][b.offset()] >= thresholds.of(b.name()) ? 1 : 0) : b.argmax(p[r]);
            }
            int correct = 0;
            for (int r = 0; r < p.length; r++) {
                correct += truth[r] == pred[r] ? 1 : 0;
            }
            double groupF1 = 0;
            int present = 0;
            for (int c = flag ? 1 : 0; c < (flag ? 2 : b.size()); c++) {
                LabelMetrics m = labelMetrics(flag ? b.name() : b.name() + "[" + c + "]", truth, pred, c, p,
                        b.offset() + (flag ? 0 : c));
                labels.add(m);
                if (m.support() > 0 || m.predicted() > 0) {
                    groupF1 += m.f1();
                    present++;
                }
            }
            groupF1 = flag ? labels.get(labels.size() - 1).f1() : (present == 0 ? 0 : groupF1 / present);
            metrics.put("acc/" + b.name(), (double) correct / p.length);
            metrics.put("f1/" + b.name(), groupF1);
            if (flag) {
                metrics.put("ap/" + b.name(), labels.get(labels.size() - 1).averagePrecision());
                flagF1 += groupF1;
                flags++;
            } else {
                exclusiveF1 += groupF1;
                exclusive++;
            }
        }
        metrics.put("macro_f1", exclusive == 0 ? 0 : exclusiveF1 / exclusive);
        metrics.put("mean_flag_f1", flags == 0 ? 0 : flagF1 / flags);
        metrics.put(Evaluation.SELECTION, exclusive + flags == 0 ? 0 : (exclusiveF1 + flagF1) / (exclusive + flags));
        return new Evaluation(labels, metrics);
    }

    private static LabelMetrics labelMetrics(String name, int[] truth, int[] pred, int category, double[][] p,
            int column) {
        boolean[] t = new boolean[truth.length];
        boolean[] q = new boolean[truth.length];
        double[] scores = new double[truth.length];
        for (int r = 0; r < truth.length; r++) {
            t[r] = truth[r] == category;
            q[r] = pred[r] == category;
            scores[r] = p[r][column];
        }
        return LabelMetrics.of(name, t, q, scores);
    }
}
