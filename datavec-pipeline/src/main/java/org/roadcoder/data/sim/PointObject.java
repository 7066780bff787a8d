package org.roadcoder.data.sim;

/**
 * A point object (a pedestrian crossing, a junction) at a chainage inside its segment. The camera
 * sees it from {@link #NEAREST_M} to {@code NEAREST_M + rangeM} metres ahead, which at one frame
 * every 10 metres puts it in 2 to 4 of the segment's frames.
 *
 * @param offsetM metres from the start of the segment
 * @param rangeM  how far ahead of {@link #NEAREST_M} it is still recognisable
 * @param side    for a junction, where the side road leaves: -1 left, 1 right, 0 both
 */
record PointObject(double offsetM, double rangeM, int side) {

    /** Closer than this the object has left the bottom of the picture. */
    static final double NEAREST_M = 4.0;
    static final double MIN_RANGE_M = 20.0;
    static final double MAX_RANGE_M = 40.0;

    /** Distance from a camera at {@code cameraOffsetM} (same segment) when visible, otherwise NaN. */
    double visibleDistance(double cameraOffsetM) {
        double d = offsetM - cameraOffsetM;
        return d >= NEAREST_M && d < NEAREST_M + rangeM ? d : Double.NaN;
    }

    /** A random object placed so that every frame that sees it belongs to its own segment. */
    static PointObject place(java.util.SplittableRandom rnd, boolean sided) {
        double range = MIN_RANGE_M + rnd.nextDouble() * (MAX_RANGE_M - MIN_RANGE_M);
        double first = NEAREST_M + range;
        double offset = first + rnd.nextDouble() * (SimulatorOptions.SEGMENT_LENGTH_M - first);
        int side = sided ? rnd.nextInt(3) - 1 : 0;
        return new PointObject(offset, range, side);
    }
}
