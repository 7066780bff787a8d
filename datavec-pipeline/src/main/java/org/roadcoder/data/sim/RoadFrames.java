package org.roadcoder.data.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a road's segments into frame-level truth. A change between two segments does not happen
 * at the segment boundary: each block of attributes that changes moves its change point up to
 * half a segment either way, so a segment may show two values (the coder rule then decides its
 * label). Point objects are visible only in the frames a short distance before them.
 */
final class RoadFrames {

    /** Largest shift of a change point, in frames; half a segment allows ties for the risk rule to settle. */
    static final int MAX_SHIFT = SimulatorOptions.FRAMES_PER_SEGMENT / 2;

    private final List<Segment> segments;
    /** boundary[k][block]: first frame showing segment k's values of that block. */
    private final int[][] boundary;

    RoadFrames(List<Segment> segments, SplittableRandom rnd) {
        this.segments = List.copyOf(segments);
        Attribute.Block[] blocks = Attribute.Block.values();
        boundary = new int[segments.size() + 1][blocks.length];
        for (int k = 0; k <= segments.size(); k++) {
            for (Attribute.Block b : blocks) {
                int nominal = k * SimulatorOptions.FRAMES_PER_SEGMENT;
                boolean moves = k > 0 && k < segments.size() && b != Attribute.Block.POINT
                        && !segments.get(k).sameBlock(segments.get(k - 1), b);
                boundary[k][b.ordinal()] = moves ? nominal + rnd.nextInt(-MAX_SHIFT, MAX_SHIFT + 1) : nominal;
            }
        }
    }

    int size() {
        return segments.size() * SimulatorOptions.FRAMES_PER_SEGMENT;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The truth of frame {@code g} (0-based along the road). */
    FrameState frame(int g) {
        int k = g / SimulatorOptions.FRAMES_PER_SEGMENT;
        int[] values = new int[Attribute.COUNT];
        double[] detail = new double[Attribute.COUNT];
        for (Attribute a : Attribute.values()) {
            int b = a.block.ordinal();
            int src = g < boundary[k][b] ? k - 1 : g >= boundary[k + 1][b] ? k + 1 : k;
            values[a.ordinal()] = segments.get(src).value(a);
            detail[a.ordinal()] = segments.get(src).detail(a);
        }
        Segment seg = segments.get(k);
        double cameraOffset = (g % SimulatorOptions.FRAMES_PER_SEGMENT) * (double) SimulatorOptions.FRAME_SPACING_M;
        double crossing = seg.crossing() == null ? Double.NaN : seg.crossing().visibleDistance(cameraOffset);
        double junction = seg.junction() == null ? Double.NaN : seg.junction().visibleDistance(cameraOffset);
        values[Attribute.CROSSING.ordinal()] = Double.isNaN(crossing) ? Attribute.ABSENT : Attribute.PRESENT;
        values[Attribute.JUNCTION.ordinal()] = Double.isNaN(junction) ? Attribute.ABSENT : Attribute.PRESENT;
        int side = seg.junction() == null ? 0 : seg.junction().side();
        return new FrameState(g, g * (double) SimulatorOptions.FRAME_SPACING_M, values, detail, crossing, junction,
                side);
    }
}
