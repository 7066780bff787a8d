package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

/**
 * Everything upright beside the road: lamp posts with arms over the road, roadside trees within
 * 10 metres of the edge, buildings along urban streets, a far tree line in the country, the
 * signs that stand at crossings and junctions and the chevron markers of sharp bends. Objects sit at fixed chainages of the road (a stable hash per
 * slot), so they pass the camera frame after frame; none stands in the mouth of a side road.
 */
final class RoadsidePainter {

    private static final double RANGE = 90;

    private final Canvas c;
    private final FrameState f;
    private final CrossSection cs;
    private final double chainage;

    RoadsidePainter(Canvas c, FrameState f, CrossSection cs) {
        this.c = c;
        this.f = f;
        this.cs = cs;
        this.chainage = f.chainageM();
    }

    void paint() {
        double out = cs.edge() + (f.value(SIDEWALK) == PRESENT ? GroundPainter.SIDEWALK_M : 0)
                + (f.value(BICYCLE) == BIKE_PATH ? GroundPainter.PATH_GAP_M + GroundPainter.PATH_M : 0);
        if (f.value(LIGHTING) == PRESENT) {
            each(32, 20, (z, side, h) -> lamp(side, z));
        }
        if (f.value(TREES) == PRESENT) {
            each(8, 21, (z, side, h) -> {
                if (h < 0.8) {
                    tree(side * (out + 1.5 + 6 * c.look.hash(Math.round(z + chainage), 22)), z, h);
                }
            });
        }
        if (f.value(AREA_TYPE) == URBAN) {
            each(16, 23, (z, side, h) -> building(side, out + 3 + 3 * h, z, h));
        } else {
            for (int i = -6; i <= 6; i++) {
                double top = 4 + 8 * c.look.hash(i, 25);
                c.post(i * 60, Canvas.FAR - 15, 0, top, 64, Look.mix(c.look.foliage(), 0x607060, 0.3));
            }
        }
        if (f.value(CURVATURE) == SHARP) {
            chevrons();
        }
        if (!Double.isNaN(f.junctionDistance())) {
            junctionSign();
        }
        if (!Double.isNaN(f.crossingDistance())) {
            for (int side = -1; side <= 1; side += 2) {
                double x = side * (cs.edge() + 0.6);
                double z = f.crossingDistance() - 0.5;
                c.post(x, z, 0, 2.6, 0.1, 0x606060);
                c.post(x, z - 0.01, 2.0, 2.75, 0.7, 0x2050b0);
                c.post(x, z - 0.02, 2.15, 2.55, 0.35, 0xf0f0f0);
            }
        }
    }

    private interface Place {
        void at(double z, int side, double hash);
    }

    /** Calls {@code place} for every slot of {@code spacing} metres ahead, on both sides, clear of side roads. */
    private void each(double spacing, int salt, Place place) {
        long s0 = (long) Math.floor(chainage / spacing);
        for (long s = s0; s < s0 + RANGE / spacing + 1; s++) {
            for (int side = -1; side <= 1; side += 2) {
                double h = c.look.hash(s * 2 + (side > 0 ? 1 : 0), salt);
                double z = s * spacing + 0.3 * spacing * h - chainage;
                if (z > 1.5 && z < RANGE && !inSideRoad(z, side)) {
                    place.at(z, side, h);
                }
            }
        }
    }

    private boolean inSideRoad(double z, int side) {
        double j = f.junctionDistance();
        return !Double.isNaN(j) && (f.junctionSide() == 0 || f.junctionSide() == side) && z > j - 3 && z < j + 12;
    }

    /** Chevron alignment markers on the outside of a sharp bend, as road authorities put them. */
    private void chevrons() {
        int side = f.detail(CURVATURE) > 0 ? -1 : 1;
        double x = side * (cs.edge() + 1.2);
        double first = Math.ceil((chainage + 12) / 7) * 7 - chainage;
        for (double z = first; z < 70; z += 7) {
            c.post(x, z, 0, 1.0, 0.08, 0x505050);
            c.post(x, z - 0.01, 1.0, 1.7, 0.9, 0xf0d020);
            c.post(x, z - 0.02, 1.15, 1.55, 0.3, 0x202020);
        }
    }

    /** A round junction warning sign on our side, just before the side road. */
    private void junctionSign() {
        double x = cs.edge() + 0.8;
        double z = f.junctionDistance() - 2;
        c.post(x, z, 0, 2.2, 0.1, 0x606060);
        c.blob(x, 2.7, z, 0.75, 0.75, 0xc02020);
        c.blob(x, 2.7, z - 0.01, 0.5, 0.5, 0xf4f4f0);
        c.post(x, z - 0.03, 2.35, 3.05, 0.14, 0x202020);
        c.post(x, z - 0.04, 2.63, 2.77, 0.6, 0x202020);
    }

    private void lamp(int side, double z) {
        double x = side * (cs.edge() + 0.7);
        double reach = side * -2.2;
        c.post(x, z, 0, 8.5, 0.22, 0x5a5e62);
        c.line(x, 8.4, z, x + reach, 8.6, z, 0.12, 0x5a5e62);
        c.blob(x + reach, 8.45, z, 0.45, 0.16, 0xf4f0d8);
    }

    private void tree(double x, double z, double h) {
        double trunk = 2.2 + 1.5 * h;
        double crown = 1.6 + 1.6 * h;
        c.post(x, z, 0, trunk + crown * 0.3, 0.35, 0x4a3a2a);
        c.blob(x, trunk + crown * 0.6, z, crown, crown * 0.9, Look.mix(c.look.foliage(), 0x1a3a12, h));
    }

    private void building(int side, double setback, double z, double h) {
        double x = side * setback;
        double len = 9 + 5 * h;
        double height = 6 + 16 * c.look.hash(Math.round(z + chainage), 24);
        int[] walls = {0xb89a80, 0xc8c0b0, 0x9a7060, 0xd8d0c0, 0x8a8a90, 0xa8947a};
        int wall = walls[(int) (h * walls.length) % walls.length];
        c.later(z + len, () -> {
            c.wall(x, 0, height, z, z + len, wall);
            for (double y = 1.5; y < height - 1; y += 3) {
                c.wall(x - side * 0.02, y, y + 1.3, z + 1, z + len - 1, Look.mix(wall, 0x303844, 0.65));
            }
            c.wall(x - side * 0.03, 0, 2.4, z + len * 0.4, z + len * 0.4 + 1.4, 0x3a2a20);
        });
    }
}
