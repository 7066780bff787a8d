package org.roadcoder.data.sim;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * The appearance of one road as filmed: time of day and sun (sky colours, brightness, a colour
 * cast), haze, and the road's own materials (asphalt, verge, fields, bicycle-lane paint). Drawn
 * once per road; {@link #jitter} varies the light a little per frame. Every colour the renderer
 * uses passes through {@link #paint}, which applies the light and the haze at a distance.
 */
record Look(int timeOfDay, double brightness, double[] cast, int sky, int skyHorizon, int haze, double hazeM,
            int asphalt, int verge, int field1, int field2, int bikeLane, int path, int sidewalk, int foliage,
            int medianGrass, long styleSeed) {

    /** A road's look: time of day, weather and materials drawn from {@code rnd}. */
    static Look draw(SplittableRandom rnd) {
        int time = rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(1, 4);
        double bright = switch (time) {
            case 0 -> 1.0;
            case 1 -> 0.85;
            case 2 -> 0.8;
            default -> 0.6;
        } * (0.92 + 0.16 * rnd.nextDouble());
        double[] cast = switch (time) {
            case 2 -> new double[] {1.1, 0.97, 0.82};
            case 3 -> new double[] {0.9, 0.92, 1.1};
            default -> new double[] {1, 1, 1};
        };
        int sky = switch (time) {
            case 0 -> 0x4a7fc8;
            case 1 -> 0x9aa0a8;
            case 2 -> 0x6f8fc0;
            default -> 0x2c3d66;
        };
        int horizon = switch (time) {
            case 0 -> 0xbcd4ec;
            case 1 -> 0xc8cacc;
            case 2 -> 0xf0b878;
            default -> 0xc07a60;
        };
        double hazeM = (time == 1 ? 90 : 180) * (0.6 + 0.9 * rnd.nextDouble());
        int grey = 70 + rnd.nextInt(45);
        int asphalt = rgb(grey, grey, grey + rnd.nextInt(8));
        int verge = mix(0x5f8a3a, 0x9a8a5a, rnd.nextDouble() * 0.7);
        int field1 = mix(0x7da048, 0xc8b060, rnd.nextDouble());
        int field2 = mix(0x6a8a3a, 0x8a6a48, rnd.nextDouble());
        int[] bikes = {0xb0402e, 0x3f8f4a, 0x3a6fb0};
        int bike = bikes[rnd.nextInt(bikes.length)];
        int path = rnd.nextBoolean() ? 0xa05a48 : 0x585858;
        int walk = mix(0xb8b4ac, 0x9c9890, rnd.nextDouble());
        int foliage = mix(0x2f5a22, 0x4a6a2a, rnd.nextDouble());
        int grass = mix(0x5a8a3a, 0x7a9a4a, rnd.nextDouble());
        return new Look(time, bright, cast, sky, horizon, horizon, hazeM, asphalt, verge, field1, field2, bike, path,
                walk, foliage, grass, rnd.nextLong());
    }

    /** The same road a moment later: brightness and colour cast wander by a few percent (auto exposure, clouds). */
    Look jitter(SplittableRandom rnd) {
        double b = brightness * (0.94 + 0.12 * rnd.nextDouble());
        double[] c = {cast[0] * (0.97 + 0.06 * rnd.nextDouble()), cast[1] * (0.97 + 0.06 * rnd.nextDouble()),
                cast[2] * (0.97 + 0.06 * rnd.nextDouble())};
        return new Look(timeOfDay, b, c, sky, skyHorizon, haze, hazeM, asphalt, verge, field1, field2, bikeLane,
                path, sidewalk, foliage, medianGrass, styleSeed);
    }

    /** {@code rgb} as the camera sees it {@code z} metres away: lit, cast, and fading into the haze. */
    Color paint(int rgb, double z) {
        double f = z <= 0 ? 0 : 1 - Math.exp(-z / hazeM);
        return new Color(channel(rgb >> 16, haze >> 16, 0, f), channel(rgb >> 8, haze >> 8, 1, f),
                channel(rgb, haze, 2, f));
    }

    /** {@code rgb} lit, with no haze (the sky). */
    Color light(int rgb) {
        return paint(rgb, 0);
    }

    private int channel(int c, int h, int k, double f) {
        double lit = (c & 0xff) * brightness * cast[k];
        double v = lit * (1 - f) + (h & 0xff) * brightness * f;
        return (int) Math.max(0, Math.min(255, v));
    }

    static int rgb(int r, int g, int b) {
        return (r & 0xff) << 16 | (g & 0xff) << 8 | (b & 0xff);
    }

    /** Linear mix of two colours, {@code t} = 0 gives {@code a}. */
    static int mix(int a, int b, double t) {
        int r = (int) ((a >> 16 & 0xff) * (1 - t) + (b >> 16 & 0xff) * t);
        int g = (int) ((a >> 8 & 0xff) * (1 - t) + (b >> 8 & 0xff) * t);
        int bl = (int) ((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return rgb(r, g, bl);
    }

    /** A stable pseudo-random number in [0, 1) for item {@code slot} of kind {@code salt} along this road. */
    double hash(long slot, int salt) {
        long h = styleSeed ^ (slot * 0x9E3779B97F4A7C15L) ^ ((long) salt * 0xC2B2AE3D27D4EB4FL);
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL;
        return ((h ^ (h >>> 32)) >>> 11) * 0x1.0p-53;
    }
}
