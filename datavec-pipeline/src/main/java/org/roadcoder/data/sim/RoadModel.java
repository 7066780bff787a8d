package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Markov chain per attribute along the road, segment by segment: each attribute keeps its
 * value with a high probability and otherwise draws a new one from {@link CategoryPriors} given
 * what is already decided (area type first, then what depends on it). A change of area type
 * (entering or leaving a town) redraws most of the rest; a change in the number of lanes mostly
 * brings a new lane width and median.
 */
final class RoadModel {

    /** Draw order: every attribute after the ones its prior depends on. */
    private static final Attribute[] ORDER = {AREA_TYPE, LIGHTING, SIDEWALK, TREES, LANES, LANE_WIDTH, MEDIAN,
            BICYCLE, CURVATURE};

    private final CategoryPriors priors;

    RoadModel(CategoryPriors priors) {
        this.priors = priors;
    }

    /** The segments of one road. */
    List<Segment> road(SplittableRandom rnd, int segments) {
        List<Segment> road = new ArrayList<>(segments);
        Segment prev = null;
        for (int k = 0; k < segments; k++) {
            prev = next(rnd, prev);
            road.add(prev);
        }
        return road;
    }

    private Segment next(SplittableRandom rnd, Segment prev) {
        int[] s = new int[COUNT];
        double[] d = new double[COUNT];
        boolean areaChanged = false;
        boolean lanesChanged = false;
        for (Attribute a : ORDER) {
            boolean redraw;
            if (prev == null) {
                redraw = true;
            } else {
                s[a.ordinal()] = prev.value(a);
                d[a.ordinal()] = prev.detail(a);
                boolean follows = lanesChanged && (a == LANE_WIDTH || a == MEDIAN);
                redraw = rnd.nextDouble() < (areaChanged || follows ? 0.7 : changeRate(a))
                        || priors.weights(a, s)[prev.value(a)] == 0;
            }
            if (redraw) {
                s[a.ordinal()] = priors.sample(a, s, rnd);
                d[a.ordinal()] = detail(a, s[a.ordinal()], rnd);
            }
            if (prev != null) {
                areaChanged |= a == AREA_TYPE && s[a.ordinal()] != prev.value(a);
                lanesChanged |= a == LANES && s[a.ordinal()] != prev.value(a);
            }
        }
        PointObject crossing = null;
        PointObject junction = null;
        s[CROSSING.ordinal()] = priors.sample(CROSSING, s, rnd);
        if (s[CROSSING.ordinal()] == PRESENT) {
            crossing = PointObject.place(rnd, false);
        }
        s[JUNCTION.ordinal()] = priors.sample(JUNCTION, s, rnd);
        if (s[JUNCTION.ordinal()] == PRESENT) {
            junction = PointObject.place(rnd, true);
        }
        return new Segment(s, d, crossing, junction);
    }

    /** Probability per segment that an attribute's Markov chain leaves its current value. */
    private static double changeRate(Attribute a) {
        return switch (a) {
            case AREA_TYPE -> 0.06;
            case CURVATURE -> 0.3;
            case TREES -> 0.15;
            case LIGHTING, SIDEWALK -> 0.05;
            default -> 0.08;
        };
    }

    /** The continuous value behind a category: metres of lane or median, signed curvature, or a style draw. */
    static double detail(Attribute a, int category, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return switch (a) {
            case LANE_WIDTH -> switch (category) {
                case WIDE -> 3.35 + 0.5 * u;
                case MEDIUM -> 2.8 + 0.4 * u;
                default -> 2.35 + 0.35 * u;
            };
            case MEDIAN -> switch (category) {
                case CENTRE_LINE -> 0.15;
                case WIDE_CENTRE_LINE, CONCRETE_BARRIER, FLEXIBLE_POSTS -> 0.7 + 0.3 * u;
                case HATCHING -> 1.6 + 1.4 * u;
                case METAL_BARRIER -> 0.9 + 0.6 * u;
                case WIRE_ROPE -> 1.0 + 1.0 * u;
                case MEDIAN_NARROW -> 1.8 + 2.7 * u;
                case MEDIAN_WIDE -> 6.0 + 6.0 * u;
                default -> 3.0 + 0.5 * u;
            };
            case CURVATURE -> (rnd.nextBoolean() ? 1 : -1) * switch (category) {
                case STRAIGHT -> 0.0004 * u;
                case MODERATE -> 1 / (260 - 140 * u);
                default -> 1 / (80 - 45 * u);
            };
            default -> u;
        };
    }
}
