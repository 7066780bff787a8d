package org.roadcoder.data.sim;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drawing in road coordinates (x right of the centre line, y up, z ahead, metres) onto a frame:
 * bands on the ground, vertical walls and posts, lines. Ground is painted at once, back to front
 * by the caller; upright things are queued with their distance and painted far to near by
 * {@link #flush}, so nearer objects hide farther ones.
 */
final class Canvas {

    /** Farthest distance drawn; beyond it the haze has swallowed the road. */
    static final double FAR = 160;
    /** Distances at which long bands are cut so that they follow the bend. */
    private static final double[] SLICES = slices(1.2, FAR, 22);

    final Graphics2D g;
    final Camera cam;
    final Look look;
    private final List<Sprite> sprites = new ArrayList<>();
    private final Path2D.Double path = new Path2D.Double();
    /** True while queued drawings are painted: anything they queue in turn is painted at once. */
    private boolean painting;

    private record Sprite(double z, Runnable draw) {
    }

    Canvas(Graphics2D g, Camera cam, Look look) {
        this.g = g;
        this.cam = cam;
        this.look = look;
    }

    private static double[] slices(double near, double far, int n) {
        double[] z = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            z[i] = near * Math.pow(far / near, i / (double) n);
        }
        return z;
    }

    /** A band on the ground from {@code x0} to {@code x1}, from {@code z0} to {@code z1} ahead. */
    void ground(double x0, double x1, double z0, double z1, int rgb) {
        for (int i = 0; i < SLICES.length - 1; i++) {
            double a = Math.max(z0, SLICES[i]);
            double b = Math.min(z1, SLICES[i + 1]);
            if (a < b) {
                double seam = Math.min(z1, b * 1.03); // overlap the next slice: no anti-aliased seam between them
                quad(x0, 0, a, x1, 0, a, x1, 0, seam, x0, 0, seam, rgb, 0.5 * (a + b));
            }
        }
    }

    /** A ground quadrilateral given by four (x, z) corners, e.g. a diagonal hatching stripe. */
    void groundQuad(double xa, double za, double xb, double zb, double xc, double zc, double xd, double zd, int rgb) {
        quad(xa, 0, za, xb, 0, zb, xc, 0, zc, xd, 0, zd, rgb, 0.25 * (za + zb + zc + zd));
    }

    /** An upright surface along the road at lateral {@code x}, from height {@code y0} to {@code y1}. */
    void wall(double x, double y0, double y1, double z0, double z1, int rgb) {
        for (int i = 0; i < SLICES.length - 1; i++) {
            double a = Math.max(z0, SLICES[i]);
            double b = Math.min(z1, SLICES[i + 1]);
            if (a < b) {
                double m = 0.5 * (a + b);
                later(m, () -> quad(x, y0, a, x, y0, b, x, y1, b, x, y1, a, rgb, m));
            }
        }
    }

    /** An upright post (or trunk, or pole) {@code w} metres wide at ({@code x}, {@code z}). */
    void post(double x, double z, double y0, double y1, double w, int rgb) {
        later(z, () -> quad(x - w / 2, y0, z, x + w / 2, y0, z, x + w / 2, y1, z, x - w / 2, y1, z, rgb, z));
    }

    /** An upright ellipse (a tree crown, a lamp head) centred at ({@code x}, {@code y}, {@code z}). */
    void blob(double x, double y, double z, double rx, double ry, int rgb) {
        later(z - 0.01, () -> {
            if (cam.depth(y, z) < Camera.NEAR) {
                return;
            }
            double s = cam.scale(z);
            double u = cam.u(x, y, z);
            double v = cam.v(y, z);
            g.setColor(look.paint(rgb, z));
            g.fill(new java.awt.geom.Ellipse2D.Double(u - rx * s, v - ry * s, 2 * rx * s, 2 * ry * s));
        });
    }

    /** A straight line in space {@code w} metres thick (a cable, a lamp arm). */
    void line(double x0, double y0, double z0, double x1, double y1, double z1, double w, int rgb) {
        double m = 0.5 * (z0 + z1);
        later(m, () -> quad(x0, y0 - w / 2, z0, x1, y1 - w / 2, z1, x1, y1 + w / 2, z1, x0, y0 + w / 2, z0, rgb, m));
    }

    /**
     * Queues an upright drawing at distance {@code z}. A composite (a facade with its windows)
     * queues one drawing that calls the other methods: those then paint at once, in order.
     */
    void later(double z, Runnable draw) {
        if (painting) {
            draw.run();
        } else if (z > 0.5 && z < FAR) {
            sprites.add(new Sprite(z, draw));
        }
    }

    /** Paints the queued upright drawings, farthest first. */
    void flush() {
        sprites.sort(Comparator.comparingDouble(Sprite::z).reversed());
        painting = true;
        sprites.forEach(s -> s.draw().run());
        painting = false;
        sprites.clear();
    }

    private void quad(double x0, double y0, double z0, double x1, double y1, double z1, double x2, double y2,
                      double z2, double x3, double y3, double z3, int rgb, double hazeZ) {
        if (cam.depth(y0, z0) < Camera.NEAR || cam.depth(y1, z1) < Camera.NEAR
                || cam.depth(y2, z2) < Camera.NEAR || cam.depth(y3, z3) < Camera.NEAR) {
            return;
        }
        path.reset();
        path.moveTo(cam.u(x0, y0, z0), cam.v(y0, z0));
        path.lineTo(cam.u(x1, y1, z1), cam.v(y1, z1));
        path.lineTo(cam.u(x2, y2, z2), cam.v(y2, z2));
        path.lineTo(cam.u(x3, y3, z3), cam.v(y3, z3));
        path.closePath();
        g.setColor(look.paint(rgb, hazeZ));
        g.fill(path);
    }
}
