package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.roadcoder.data.DataException;

/**
 * How often each category occurs, given what is already decided about the segment: the area type
 * drives lighting, sidewalks, trees, lanes and crossings; the number of lanes drives lane width
 * and median type. The imbalance follows real surveys (centre lines common, wire rope rare); the
 * user's {@code group=category} multipliers scale it.
 */
final class CategoryPriors {

    /** Base weights, [area type][category], rural first. */
    private static double[][] base(Attribute a) {
        return switch (a) {
            case AREA_TYPE -> new double[][] {{0.6, 0.4}, {0.6, 0.4}};
            case LIGHTING -> new double[][] {{0.9, 0.1}, {0.1, 0.9}};
            case SIDEWALK -> new double[][] {{0.88, 0.12}, {0.12, 0.88}};
            case TREES -> new double[][] {{0.45, 0.55}, {0.7, 0.3}};
            case LANES -> new double[][] {{0.55, 0.38, 0.07}, {0.3, 0.45, 0.25}};
            case LANE_WIDTH -> new double[][] {{0.35, 0.4, 0.25}, {0.5, 0.35, 0.15}};
            case MEDIAN -> new double[][] {{50, 8, 6, 10, 3, 4, 3, 5, 6, 1}, {35, 4, 10, 3, 6, 1, 8, 12, 5, 10}};
            case BICYCLE -> new double[][] {{0.86, 0.03, 0.11}, {0.6, 0.25, 0.15}};
            case CURVATURE -> new double[][] {{0.62, 0.26, 0.12}, {0.82, 0.13, 0.05}};
            case CROSSING -> new double[][] {{0.98, 0.02}, {0.78, 0.22}};
            case JUNCTION -> new double[][] {{0.9, 0.1}, {0.7, 0.3}};
        };
    }

    /** Median types by number of lanes: barriers on bigger roads, none of the wide medians on one-lane roads. */
    private static final double[][] MEDIAN_BY_LANES = {
            {1, 1, 1, 0.12, 0.1, 0.35, 0.8, 0.3, 0.2, 0.6},
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
            {0.3, 0.5, 0.7, 2, 2, 1.5, 0.5, 1.5, 2, 0.5}};
    private static final double[][] WIDTH_BY_LANES = {{0.6, 1, 1.6}, {1, 1, 1}, {1.6, 1, 0.3}};
    private static final double[][] CURVE_BY_LANES = {{1, 1, 1.3}, {1, 1, 1}, {1, 0.7, 0.2}};

    private final Map<Attribute, double[]> multipliers = new EnumMap<>(Attribute.class);

    /** Priors scaled by {@code group=category} multipliers; an unknown key is a user error. */
    CategoryPriors(Map<String, Double> categoryWeights) {
        for (Attribute a : Attribute.values()) {
            double[] m = new double[a.size()];
            Arrays.fill(m, 1.0);
            multipliers.put(a, m);
        }
        for (Map.Entry<String, Double> e : categoryWeights.entrySet()) {
            String[] kv = e.getKey().split("=");
            Attribute a = Arrays.stream(Attribute.values()).filter(x -> x.group.equals(kv[0])).findFirst()
                    .orElseThrow(() -> new DataException(null, "category weight '" + e.getKey()
                            + "': the simulator has no group '" + kv[0] + "'"));
            int k = a.categories.indexOf(kv[1]);
            if (k < 0) {
                throw new DataException(null, "category weight '" + e.getKey() + "': group " + a.group
                        + " has no category '" + kv[1] + "' (categories: " + String.join(", ", a.categories) + ")");
            }
            multipliers.get(a)[k] = e.getValue();
        }
    }

    /** Unnormalised weights of each category of {@code a}, given the values already in {@code state}. */
    double[] weights(Attribute a, int[] state) {
        double[] w = base(a)[a == AREA_TYPE ? 0 : state[AREA_TYPE.ordinal()]];
        int lanes = state[LANES.ordinal()];
        double[] byLanes = switch (a) {
            case MEDIAN -> MEDIAN_BY_LANES[lanes];
            case LANE_WIDTH -> WIDTH_BY_LANES[lanes];
            case CURVATURE -> CURVE_BY_LANES[lanes];
            default -> null;
        };
        double[] m = multipliers.get(a);
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] *= m[k] * (byLanes == null ? 1 : byLanes[k]);
            sum += w[k];
        }
        if (sum <= 0) {
            throw new DataException(null, "category weights leave no possible category for " + a.group);
        }
        return w;
    }

    /** Draws a category of {@code a} for {@code state} with probability proportional to its weight. */
    int sample(Attribute a, int[] state, SplittableRandom rnd) {
        double[] w = weights(a, state);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double r = rnd.nextDouble() * total;
        for (int k = 0; k < w.length; k++) {
            r -= w[k];
            if (r < 0) {
                return k;
            }
        }
        return w.length - 1;
    }
}
