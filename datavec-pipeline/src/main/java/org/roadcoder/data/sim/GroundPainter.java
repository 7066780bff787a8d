package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

import java.awt.GradientPaint;

/**
 * Everything flat: sky, fields or verge, asphalt with patches, lane and edge lines matching the
 * number and width of lanes, bicycle lanes, sidewalks with kerbs, off-road paths, side roads at
 * junctions and zebra crossings. Dashes and patches are fixed to the road's chainage so they move
 * between frames like real ones.
 */
final class GroundPainter {

    private static final int WHITE = 0xe8e8e4;
    static final double SIDEWALK_M = 2.4;
    static final double PATH_GAP_M = 1.4;
    static final double PATH_M = 2.4;

    private final Canvas c;
    private final double chainage;

    GroundPainter(Canvas c, double chainage) {
        this.c = c;
        this.chainage = chainage;
    }

    void sky() {
        Look l = c.look;
        float hz = (float) c.cam.horizon();
        c.g.setPaint(new GradientPaint(0, 0, l.light(l.sky()), 0, hz, l.light(l.skyHorizon())));
        c.g.fillRect(0, 0, c.cam.width, (int) Math.ceil(hz) + 1);
        if (l.timeOfDay() == 2) {
            double u = c.cam.width * (0.15 + 0.7 * l.hash(0, 1));
            double r = c.cam.width * 0.06;
            c.g.setColor(l.light(0xfff2c0));
            c.g.fill(new java.awt.geom.Ellipse2D.Double(u - r, hz - 2.4 * r, 2 * r, 2 * r));
        }
        c.g.setColor(l.paint(l.verge(), Canvas.FAR));
        c.g.fillRect(0, (int) hz, c.cam.width, c.cam.height - (int) hz);
    }

    /** Verge everywhere, then fields (rural) beyond it, both in patches. */
    void land(FrameState f, CrossSection cs) {
        Look l = c.look;
        c.ground(-120, 120, 1.2, Canvas.FAR, l.verge());
        long s0 = (long) Math.floor(chainage / 7);
        for (long s = s0; s < s0 + 10; s++) {
            double z = s * 7 - chainage;
            int side = l.hash(s, 2) < 0.5 ? -1 : 1;
            double x = side * (cs.edge() + 1 + 5 * l.hash(s, 3));
            c.ground(x - 1.2, x + 1.2, z, z + 3, Look.mix(l.verge(), 0x4a4030, 0.3));
        }
        if (f.value(AREA_TYPE) == RURAL) {
            double near = cs.edge() + 7;
            long p0 = (long) Math.floor(chainage / 30);
            for (long p = p0; p < p0 + 6; p++) {
                double z = p * 30 - chainage;
                c.ground(near, 120, z, z + 30, l.hash(p, 4) < 0.5 ? l.field1() : l.field2());
                c.ground(-120, -near, z, z + 30, l.hash(p, 5) < 0.5 ? l.field1() : l.field2());
            }
        }
    }

    /** The carriageways with their lines, and the on-road bicycle lanes. */
    void road(FrameState f, CrossSection cs) {
        Look l = c.look;
        c.ground(-cs.edge(), cs.edge(), 1.2, Canvas.FAR, l.asphalt());
        long s0 = (long) Math.floor(chainage / 9);
        for (long s = s0; s < s0 + 8; s++) {
            double z = s * 9 - chainage;
            double x = (l.hash(s, 6) - 0.5) * 2 * cs.edge();
            c.ground(x - 0.6, x + 0.6, z, z + 1 + 2 * l.hash(s, 7), Look.mix(l.asphalt(), 0x202020, 0.2));
        }
        for (int side = -1; side <= 1; side += 2) {
            for (int i = 1; i < cs.lanes(); i++) {
                dashes(side * (cs.half() + i * cs.laneWidth()), CrossSection.LINE, 12, 3, WHITE);
            }
            double t = cs.trafficEdge();
            if (cs.bikeWidth() > 0) {
                double in = side > 0 ? t : -cs.edge();
                c.ground(in, in + cs.bikeWidth(), 1.2, Canvas.FAR, l.bikeLane());
                c.ground(side * t - CrossSection.LINE, side * t + CrossSection.LINE, 1.2, Canvas.FAR, WHITE);
                bikeSymbols(side * (t + cs.bikeWidth() / 2));
            }
            double e = side * (cs.edge() - CrossSection.LINE / 2 - 0.1);
            c.ground(e - CrossSection.LINE / 2, e + CrossSection.LINE / 2, 1.2, Canvas.FAR, WHITE);
        }
    }

    /** Sidewalks with kerbs and off-road paths beside the verge, on both sides. */
    void roadside(FrameState f, CrossSection cs) {
        Look l = c.look;
        for (int side = -1; side <= 1; side += 2) {
            double e = cs.edge();
            double out = e;
            if (f.value(SIDEWALK) == PRESENT) {
                out = e + SIDEWALK_M;
                c.ground(side > 0 ? e : -out, side > 0 ? out : -e, 1.2, Canvas.FAR, l.sidewalk());
                c.wall(side * e, 0, 0.15, 1.2, Canvas.FAR, 0xd0d0c8);
            }
            if (f.value(BICYCLE) == BIKE_PATH) {
                double a = out + PATH_GAP_M;
                double b = a + PATH_M;
                c.ground(side > 0 ? a : -b, side > 0 ? b : -a, 1.2, Canvas.FAR, l.path());
                dashes(side * (a + b) / 2, 0.1, 6, 2, 0xd8d8d0);
            }
        }
    }

    /** A side road leaving at the junction ahead, and a zebra crossing across the whole road. */
    void pointObjects(FrameState f, CrossSection cs) {
        Look l = c.look;
        if (!Double.isNaN(f.junctionDistance())) {
            double z = f.junctionDistance();
            for (int side = -1; side <= 1; side += 2) {
                if (f.junctionSide() == 0 || f.junctionSide() == side) {
                    double a = cs.edge() - 0.2;
                    c.ground(side > 0 ? a : -120, side > 0 ? 120 : -a, z, z + 9, l.asphalt());
                    c.ground(side > 0 ? a : -a - 6, side > 0 ? a + 6 : -a, z + 4.4, z + 4.6, WHITE);
                }
            }
        }
        if (!Double.isNaN(f.crossingDistance())) {
            double z = f.crossingDistance();
            for (double x = -cs.edge() + 0.3; x < cs.edge() - 0.5; x += 1.0) {
                c.ground(x, x + 0.55, z, z + 4.5, WHITE);
            }
        }
    }

    /** A dashed line at lateral {@code x}: {@code dash} metres painted every {@code period} metres. */
    void dashes(double x, double width, double period, double dash, int rgb) {
        double first = Math.floor((chainage + 1.2) / period) * period - chainage;
        for (double z = first; z < 90; z += period) {
            c.ground(x - width / 2, x + width / 2, Math.max(1.2, z), z + dash, rgb);
        }
    }

    private void bikeSymbols(double x) {
        double first = Math.ceil(chainage / 25) * 25 - chainage;
        for (double z = first; z < 60; z += 25) {
            c.groundQuad(x - 0.45, z, x + 0.45, z, x + 0.45, z + 1.6, x - 0.45, z + 1.6, WHITE);
            c.groundQuad(x - 0.25, z + 0.3, x + 0.25, z + 0.3, x + 0.25, z + 1.3, x - 0.25, z + 1.3,
                    c.look.bikeLane());
        }
    }
}
