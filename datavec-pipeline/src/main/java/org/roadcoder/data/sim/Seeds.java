package org.roadcoder.data.sim;

import java.util.SplittableRandom;

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
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h + purpose.ordinal() * 0x9E3779B97F4A7C15L);
        h = mix(h + road);
        h = mix(h + frame);
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
