package org.roadcoder.app.report;

import org.roadcoder.model.OutputLayout;

/** Confusion counts of one exclusive group: {@code counts[true category][predicted category]}. */
public record Confusion(String group, long[][] counts) {

    public static Confusion of(OutputLayout.Block block, double[][] p, double[][] y) {
        long[][] counts = new long[block.size()][block.size()];
        for (int r = 0; r < p.length; r++) {
            counts[argmax(y[r], block)][argmax(p[r], block)]++;
        }
        return new Confusion(block.name(), counts);
    }

    static int argmax(double[] row, OutputLayout.Block b) {
        int best = 0;
        for (int i = 1; i < b.size(); i++) {
            if (row[b.offset() + i] > row[b.offset() + best]) {
                best = i;
            }
        }
        return best;
    }
}
