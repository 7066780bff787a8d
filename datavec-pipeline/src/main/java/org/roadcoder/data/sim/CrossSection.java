package org.roadcoder.data.sim;

import static org.roadcoder.data.sim.Attribute.*;

/**
 * Where things are across the road, in metres right of the centre line: the median from
 * {@code -half} to {@code half}, then on each side {@code lanes} lanes of {@code laneWidth}, an
 * on-road bicycle lane of {@code bikeWidth} if any, and the carriageway's outer edge at
 * {@code edge}. The two directions mirror each other; the camera drives on the right.
 */
record CrossSection(int lanes, double laneWidth, double half, double bikeWidth, double edge) {

    static final double LINE = 0.18;
    static final double BIKE_LANE_M = 1.6;

    static CrossSection of(FrameState f) {
        int lanes = switch (f.value(LANES)) {
            case ONE_LANE -> 1;
            case TWO_LANES -> 2;
            default -> 3;
        };
        double w = f.detail(LANE_WIDTH);
        double half = f.detail(MEDIAN) / 2;
        double bike = f.value(BICYCLE) == BIKE_LANE ? BIKE_LANE_M : 0;
        return new CrossSection(lanes, w, half, bike, half + lanes * w + bike);
    }

    /** Centre of the lane the survey car drives in: the kerb-side lane, or the median-side one when {@code inner}. */
    double cameraLane(boolean inner) {
        return half + ((inner ? 1 : lanes) - 0.5) * laneWidth;
    }

    /** Lateral position of the line between the traffic lanes and the bicycle lane (or the edge). */
    double trafficEdge() {
        return half + lanes * laneWidth;
    }
}
