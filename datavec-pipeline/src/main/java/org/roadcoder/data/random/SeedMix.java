package org.roadcoder.data.random;

/**
 * Seeds for independent random streams, derived from a base seed and the indices that name a stream
 * (epoch, position, road, ...) through SplitMix64's finaliser. Neighbouring indices give unrelated
 * seeds; {@code new java.util.Random(base + i)} does not: its first draw is nearly linear in the seed.
 */
public final class SeedMix {

    private SeedMix() {
    }

    /** A well-mixed seed for the stream {@code base, parts...}. */
    public static long of(long base, long... parts) {
        long h = mix(base ^ 0x5DEECE66DL);
        for (long p : parts) {
            h = mix(h + p);
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijection of the 64-bit values that spreads every input bit. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
