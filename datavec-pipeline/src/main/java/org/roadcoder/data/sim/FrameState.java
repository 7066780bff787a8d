package org.roadcoder.data.sim;

/**
 * What one frame really shows: the truth written to {@code frames_truth.csv} and everything the
 * renderer needs to draw it.
 *
 * @param index            frame number along the road, from 0
 * @param chainageM        metres from the start of the road
 * @param values           category index per {@link Attribute} ordinal (point objects: visible or not)
 * @param detail           continuous detail per {@link Attribute} ordinal, see {@link Segment#detail()}
 * @param crossingDistance metres to the visible crossing ahead, NaN when none is visible
 * @param junctionDistance metres to the visible junction ahead, NaN when none is visible
 * @param junctionSide     side of the visible junction's side road: -1 left, 1 right, 0 both
 */
record FrameState(int index, double chainageM, int[] values, double[] detail, double crossingDistance,
                  double junctionDistance, int junctionSide) {

    int value(Attribute a) {
        return values[a.ordinal()];
    }

    double detail(Attribute a) {
        return detail[a.ordinal()];
    }

    /** The segment (0-based along the road) this frame belongs to. */
    int segment() {
        return index / SimulatorOptions.FRAMES_PER_SEGMENT;
    }
}
