package org.roadcoder.app.report;

import org.roadcoder.model.OutputLayout;

/** Confusion counts of one exclusive group: {@code counts[true category][predicted category]}. */
public record Confusion(String group, long[][] counts) {

    public static Confusion of(OutputLayout.Block block, double[][] p, double[][] y) {
        long[][] counts = new long[block.size()][block.size()];
        for (int r = 0; r < p.length; r++) {
            counts[block.argmax(y[r])][block.argmax(p[r])]++;
        }
        return new Confusion(block.name(), counts);
    }
}
