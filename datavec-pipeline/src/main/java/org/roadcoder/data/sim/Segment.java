package org.roadcoder.data.sim;

/**
 * The world along one 100-metre segment before any shifting of change points: a category per
 * attribute, a continuous detail per attribute (lane width in metres, median width in metres,
 * signed curvature in 1/m, a style value for the rest), and the point objects in it.
 *
 * @param values   category index per {@link Attribute} ordinal; point attributes say whether one is in the segment
 * @param detail   continuous value per {@link Attribute} ordinal, kept while the category is kept
 * @param crossing the pedestrian crossing in this segment, or null
 * @param junction the junction in this segment, or null
 */
record Segment(int[] values, double[] detail, PointObject crossing, PointObject junction) {

    int value(Attribute a) {
        return values[a.ordinal()];
    }

    double detail(Attribute a) {
        return detail[a.ordinal()];
    }

    /** True when this segment and {@code other} agree on every attribute of {@code block}. */
    boolean sameBlock(Segment other, Attribute.Block block) {
        for (Attribute a : Attribute.values()) {
            if (a.block == block && (values[a.ordinal()] != other.values[a.ordinal()]
                    || detail[a.ordinal()] != other.detail[a.ordinal()])) {
                return false;
            }
        }
        return true;
    }
}
