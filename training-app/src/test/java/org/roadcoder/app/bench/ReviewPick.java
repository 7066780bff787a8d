package org.roadcoder.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which segments of the unlabelled pool the review bench "reviews": the first N of the review page's queue
 * (least confident first), or N drawn at random with a seed. N is a share of the pool's segments.
 */
final class ReviewPick {

    private ReviewPick() {
    }

    /** {@code percent}% of {@code segments}, rounded half up; at least one segment for a positive share. */
    static int count(int segments, double percent) {
        if (segments < 0 || !(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("review share " + percent + "% of " + segments
                    + " segments: expected 0-100% of a non-negative count");
        }
        int n = (int) Math.floor(segments * percent / 100.0 + 0.5 + 1e-9);
        return percent > 0 && segments > 0 ? Math.max(1, Math.min(segments, n)) : 0;
    }

    /** The first {@code n} segments of the review queue (least confident first). */
    static List<String> leastConfident(List<String> queue, int n) {
        return List.copyOf(queue.subList(0, n));
    }

    /** {@code n} segments drawn without replacement, the same ones for the same seed and pool. */
    static List<String> random(List<String> pool, int n, long seed) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(seed));
        return List.copyOf(shuffled.subList(0, n));
    }
}
