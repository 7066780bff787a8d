package org.roadcoder.app.confidence;

import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.SegmentCode;

/**
 * How sure a segment code is of one attribute: the probability of the category it chose. For an exclusive
 * group that is the winning category's mean probability over the segment's frames (its {@code _score}); for
 * a flag coded present it is the flag's maximum probability ({@code _score}), coded absent one minus that.
 */
public final class Confidence {

    private Confidence() {
    }

    public static double of(OutputLayout.Block block, SegmentCode code) {
        double score = code.scores().get(block.name());
        if (block.kind() == OutputLayout.Kind.SIGMOID && !code.present(block.name())) {
            return 1 - score;
        }
        return score;
    }

    /** The segment's least sure attribute: the minimum over groups, what the review queue orders by. */
    public static double least(OutputLayout layout, SegmentCode code) {
        return layout.blocks().stream().mapToDouble(b -> of(b, code)).min().orElse(1);
    }
}
