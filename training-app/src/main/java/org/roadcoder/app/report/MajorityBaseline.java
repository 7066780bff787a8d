package org.roadcoder.app.report;

import org.roadcoder.model.OutputLayout;

/**
 * The majority-class baseline: every example gets each group's most frequent category of the
 * reference labels (the training roads): what a model must clearly beat to have learnt anything.
 */
public final class MajorityBaseline {

    private final double[] row;

    private MajorityBaseline(double[] row) {
        this.row = row;
    }

    /** @param reference label rows (0/1, one-hot per exclusive block) the majorities are counted on */
    public static MajorityBaseline of(OutputLayout layout, double[][] reference) {
        double[] row = new double[layout.size()];
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() == OutputLayout.Kind.SIGMOID) {
                long positive = 0;
                for (double[] y : reference) {
                    positive += y[b.offset()] > 0.5 ? 1 : 0;
                }
                row[b.offset()] = positive * 2 > reference.length ? 1 : 0;
            } else {
                int best = 0;
                long bestCount = -1;
                for (int c = 0; c < b.size(); c++) {
                    long count = 0;
                    for (double[] y : reference) {
                        count += y[b.offset() + c] > 0.5 ? 1 : 0;
                    }
                    if (count > bestCount) {
                        bestCount = count;
                        best = c;
                    }
                }
                row[b.offset() + best] = 1;
            }
        }
        return new MajorityBaseline(row);
    }

    /** The baseline's "probabilities" for {@code n} examples: the same row for each. */
    public double[][] predictions(int n) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = row.clone();
        }
        return p;
    }
}
