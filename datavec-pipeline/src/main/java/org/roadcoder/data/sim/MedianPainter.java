package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

/**
 * Draws each median type the way a coder tells them apart: a dashed centre line, a wide double
 * line, hatching between solid lines, a metal rail on posts, a concrete barrier, wire ropes on
 * thin posts, flexible posts, kerbed grass medians narrow and wide, a turning lane between
 * yellow lines.
 */
final class MedianPainter {

    private static final int WHITE = 0xe8e8e4;
    private static final int YELLOW = 0xe0b830;
    private static final double POST_RANGE = 60;

    private MedianPainter() {
    }

    static void paint(Canvas c, GroundPainter p, CrossSection cs, int type, double chainage) {
        double h = cs.half();
        double line = CrossSection.LINE;
        switch (type) {
            case CENTRE_LINE -> p.dashes(0, line, 9, 4.5, WHITE);
            case WIDE_CENTRE_LINE -> solidPair(c, h, WHITE);
            case HATCHING -> {
                solidPair(c, h, WHITE);
                double first = Math.ceil(chainage / 6) * 6 - chainage;
                for (double z = first; z < 70; z += 6) {
                    c.groundQuad(-h, z, -h, z + 0.7, h, z + 2.7, h, z + 2.0, WHITE);
                }
            }
            case METAL_BARRIER -> {
                solidPair(c, h, WHITE);
                posts(c, 0.0, 2.0, 0.75, 0.12, 0x505458, chainage);
                c.wall(0.08, 0.42, 0.78, 1.2, Canvas.FAR, 0xa8aeb4);
                c.wall(0.09, 0.56, 0.62, 1.2, Canvas.FAR, 0x70767c);
            }
            case CONCRETE_BARRIER -> {
                solidPair(c, h, WHITE);
                c.wall(0.3, 0, 0.85, 1.2, Canvas.FAR, 0xc4c0b8);
                c.wall(0.31, 0, 0.12, 1.2, Canvas.FAR, 0x8c8880);
            }
            case WIRE_ROPE -> {
                solidPair(c, h, WHITE);
                posts(c, 0.0, 3.2, 1.0, 0.07, 0xd8d8d8, chainage);
                posts(c, 0.0, 3.2, 1.05, 0.07, 0xc03030, chainage);
                for (double y : new double[] {0.55, 0.7, 0.85, 1.0}) {
                    for (double z = 1.5; z < 80; z += 8) {
                        c.line(0.02, y, z, 0.02, y, z + 8, 0.03, 0x3a3a3a);
                    }
                }
            }
            case FLEXIBLE_POSTS -> {
                solidPair(c, h, YELLOW);
                posts(c, 0.0, 2.5, 0.9, 0.13, 0xf09020, chainage);
                posts(c, 0.0, 2.5, 0.75, 0.14, 0xf0f0f0, chainage);
                posts(c, 0.0, 2.5, 0.6, 0.13, 0xf09020, chainage);
            }
            case MEDIAN_NARROW, MEDIAN_WIDE -> {
                c.ground(-h, h, 1.2, Canvas.FAR, c.look.medianGrass());
                c.wall(h - 0.1, 0, 0.15, 1.2, Canvas.FAR, 0xc8c8c0);
                c.wall(-h + 0.1, 0, 0.15, 1.2, Canvas.FAR, 0xc8c8c0);
                if (type == MEDIAN_WIDE) {
                    shrubs(c, h, chainage);
                }
            }
            default -> {
                c.ground(-h - line, -h, 1.2, Canvas.FAR, YELLOW);
                c.ground(h, h + line, 1.2, Canvas.FAR, YELLOW);
                p.dashes(-h + 0.3, line, 6, 3, YELLOW);
                p.dashes(h - 0.3, line, 6, 3, YELLOW);
            }
        }
    }

    private static void solidPair(Canvas c, double h, int rgb) {
        double line = CrossSection.LINE;
        c.ground(-h, -h + line, 1.2, Canvas.FAR, rgb);
        c.ground(h - line, h, 1.2, Canvas.FAR, rgb);
    }

    /** Upright posts at lateral {@code x}, one every {@code spacing} metres of road. */
    static void posts(Canvas c, double x, double spacing, double height, double width, int rgb, double chainage) {
        double first = Math.ceil((chainage + 1.5) / spacing) * spacing - chainage;
        for (double z = first; z < POST_RANGE; z += spacing) {
            c.post(x, z, 0, height, width, rgb);
        }
    }

    private static void shrubs(Canvas c, double h, double chainage) {
        long slot0 = (long) Math.floor(chainage / 12);
        for (long s = slot0; s < slot0 + 8; s++) {
            if (c.look.hash(s, 11) < 0.5) {
                double z = s * 12 + 12 * c.look.hash(s, 12) - chainage;
                double x = (c.look.hash(s, 13) - 0.5) * (h - 1.5);
                c.blob(x, 0.8, z, 1.2, 0.8, c.look.foliage());
            }
        }
    }
}
