package org.roadcoder.model.segment;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Splits packed frame rows into segments by a frame mask {@code [B, T]} (1 = the frame is there). */
final class SegmentSplit {

    private SegmentSplit() {
    }

    /** Frames in each segment of {@code mask}; every segment must have at least one. */
    static int[] counts(INDArray mask) {
        if (mask.rank() != 2) {
            throw new IllegalArgumentException("the frame mask must be [segments, frames], got "
                    + Arrays.toString(mask.shape()));
        }
        double[][] m = mask.toDoubleMatrix();
        int[] counts = new int[m.length];
        for (int b = 0; b < m.length; b++) {
            for (double v : m[b]) {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("frame mask values must be 0 or 1, got " + v);
                }
                counts[b] += (int) v;
            }
            if (counts[b] == 0) {
                throw new IllegalArgumentException("segment " + b + " of the batch has no frames in its mask");
            }
        }
        return counts;
    }

    /** {@code [segment][frame][output]}: the rows of {@code packed}, segment after segment. */
    static double[][][] split(INDArray packed, INDArray mask) {
        int[] counts = counts(mask);
        int total = Arrays.stream(counts).sum();
        if (packed.rank() != 2 || packed.size(0) != total) {
            throw new IllegalArgumentException("the frame mask counts " + total + " frames but the frame logits are "
                    + Arrays.toString(packed.shape()));
        }
        double[][] rows = packed.toDoubleMatrix();
        double[][][] out = new double[counts.length][][];
        int next = 0;
        for (int b = 0; b < counts.length; b++) {
            out[b] = Arrays.copyOfRange(rows, next, next + counts[b]);
            next += counts[b];
        }
        return out;
    }
}
