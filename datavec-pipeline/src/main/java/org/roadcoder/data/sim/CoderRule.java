package org.roadcoder.data.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How a human coder labels a 100-metre segment from what its frames show: a point object seen in
 * any frame is coded for the whole segment; any other attribute takes the value covering most of
 * the segment, and on a tie the riskier one (the iRAP rule). With an error rate, that share of
 * labels is flipped to another category, chosen uniformly.
 */
final class CoderRule {

    private final double errorRate;

    CoderRule(double errorRate) {
        this.errorRate = errorRate;
    }

    /** The label a careful coder gives: category index per {@link Attribute} ordinal. */
    static int[] code(List<FrameState> frames) {
        int[] label = new int[Attribute.COUNT];
        for (Attribute a : Attribute.values()) {
            int[] votes = new int[a.size()];
            for (FrameState f : frames) {
                votes[f.value(a)]++;
            }
            if (a.isPoint()) {
                label[a.ordinal()] = votes[Attribute.PRESENT] > 0 ? Attribute.PRESENT : Attribute.ABSENT;
                continue;
            }
            int best = 0;
            for (int k = 1; k < votes.length; k++) {
                if (votes[k] > votes[best] || votes[k] == votes[best] && a.risk(k) > a.risk(best)) {
                    best = k;
                }
            }
            label[a.ordinal()] = best;
        }
        return label;
    }

    /** The label this coder writes: the careful label with each attribute wrong at the error rate. */
    int[] label(List<FrameState> frames, SplittableRandom rnd) {
        int[] label = code(frames);
        for (Attribute a : Attribute.values()) {
            if (rnd.nextDouble() < errorRate) {
                int other = rnd.nextInt(a.size() - 1);
                label[a.ordinal()] = other >= label[a.ordinal()] ? other + 1 : other;
            }
        }
        return label;
    }
}
