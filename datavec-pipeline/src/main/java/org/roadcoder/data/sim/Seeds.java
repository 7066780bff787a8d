package org.roadcoder.data.sim;

import java.util.SplittableRandom;
import org.roadcoder.data.random.SeedMix;

/**
 * Independent random streams derived from the one survey seed: one per road and purpose, one per
 * frame. A road's pictures do not depend on how many roads came before it or on the coder's
 * errors, so changing one option does not reshuffle everything else.
 */
final class Seeds {

    enum Stream { WORLD, CHANGE_POINTS, LOOK, CODER, GEO, FRAME }

    private final long seed;

    Seeds(long seed) {
        this.seed = seed;
    }

    /** The stream for {@code purpose} on road {@code road} (frame {@code frame}, or 0). */
    SplittableRandom of(Stream purpose, int road, int frame) {
        return new SplittableRandom(SeedMix.of(seed, purpose.ordinal() * 0x9E3779B97F4A7C15L, road, frame));
    }
}
