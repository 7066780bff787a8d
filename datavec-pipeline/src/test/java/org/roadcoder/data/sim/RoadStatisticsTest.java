package org.roadcoder.data.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadcoder.data.sim.Attribute.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The world model without pictures: visibility of point objects, co-occurrence, frequencies, coder noise. */
class RoadStatisticsTest {

    private static final int ROADS = 200;
    private static final int SEGMENTS = 30;

    /** Frame truth of many roads, grouped by segment. */
    private static List<List<FrameState>> segments(Map<String, Double> weights) {
        RoadModel model = new RoadModel(new CategoryPriors(weights));
        Seeds seeds = new Seeds(11);
        List<List<FrameState>> out = new ArrayList<>();
        for (int r = 0; r < ROADS; r++) {
            RoadFrames road = new RoadFrames(model.road(seeds.of(Seeds.Stream.WORLD, r, 0), SEGMENTS),
                    seeds.of(Seeds.Stream.CHANGE_POINTS, r, 0));
            for (int k = 0; k < SEGMENTS; k++) {
                List<FrameState> seg = new ArrayList<>();
                for (int j = 0; j < SimulatorOptions.FRAMES_PER_SEGMENT; j++) {
                    seg.add(road.frame(k * SimulatorOptions.FRAMES_PER_SEGMENT + j));
                }
                out.add(seg);
            }
        }
        return out;
    }

    @Test
    void pointObjectsAreVisibleInTwoToFourOfTheirSegmentsFrames() {
        for (Attribute a : List.of(CROSSING, JUNCTION)) {
            int objects = 0;
            int visible = 0;
            for (List<FrameState> seg : segments(Map.of())) {
                int n = (int) seg.stream().filter(f -> f.value(a) == PRESENT).count();
                if (n > 0) {
                    assertThat(n).as(a.group + " frames per object").isBetween(2, 4);
                    objects++;
                    visible += n;
                }
            }
            assertThat(objects).as(a.group).isGreaterThan(100);
            assertThat(visible / (double) objects).as(a.group + " mean frames").isBetween(2.5, 3.5);
        }
    }

    @Test
    void urbanAndRuralSegmentsLookLikeTheirKind() {
        int[] n = new int[2];
        int[][] count = new int[2][COUNT];
        int[] lanes = new int[2];
        int[] barriersOnFastRural = new int[2];
        int[] ruralByLanes = new int[2];
        for (List<FrameState> seg : segments(Map.of())) {
            int[] label = CoderRule.code(seg);
            int area = label[AREA_TYPE.ordinal()];
            n[area]++;
            for (Attribute a : List.of(LIGHTING, SIDEWALK, TREES, CROSSING, JUNCTION)) {
                count[area][a.ordinal()] += label[a.ordinal()];
            }
            count[area][BICYCLE.ordinal()] += label[BICYCLE.ordinal()] == BIKE_LANE ? 1 : 0;
            lanes[area] += label[LANES.ordinal()];
            int m = label[MEDIAN.ordinal()];
            if (area == RURAL) {
                int big = label[LANES.ordinal()] == ONE_LANE ? 0 : 1;
                ruralByLanes[big]++;
                barriersOnFastRural[big] += m == WIRE_ROPE || m == METAL_BARRIER ? 1 : 0;
            }
        }
        double[] shareUrban = new double[COUNT];
        double[] shareRural = new double[COUNT];
        for (int a = 0; a < COUNT; a++) {
            shareUrban[a] = count[URBAN][a] / (double) n[URBAN];
            shareRural[a] = count[RURAL][a] / (double) n[RURAL];
        }
        assertThat(n[URBAN]).isGreaterThan(1000);
        assertThat(n[RURAL]).isGreaterThan(1000);
        assertThat(shareUrban[LIGHTING.ordinal()]).isGreaterThan(shareRural[LIGHTING.ordinal()] + 0.5);
        assertThat(shareUrban[SIDEWALK.ordinal()]).isGreaterThan(shareRural[SIDEWALK.ordinal()] + 0.5);
        assertThat(shareUrban[CROSSING.ordinal()]).isGreaterThan(shareRural[CROSSING.ordinal()] + 0.1);
        assertThat(shareUrban[JUNCTION.ordinal()]).isGreaterThan(shareRural[JUNCTION.ordinal()] + 0.1);
        assertThat(shareUrban[BICYCLE.ordinal()]).isGreaterThan(shareRural[BICYCLE.ordinal()] + 0.1);
        assertThat(shareRural[TREES.ordinal()]).isGreaterThan(shareUrban[TREES.ordinal()] + 0.1);
        assertThat(lanes[URBAN] / (double) n[URBAN]).isGreaterThan(lanes[RURAL] / (double) n[RURAL] + 0.2);
        assertThat(barriersOnFastRural[1] / (double) ruralByLanes[1]).as("rural barrier share, two lanes or more")
                .isGreaterThan(1.5 * barriersOnFastRural[0] / ruralByLanes[0]);
    }

    @Test
    void laneWidthAndMedianAreConsistentWithTheNumberOfLanes() {
        for (List<FrameState> seg : segments(Map.of())) {
            for (FrameState f : seg) {
                double w = f.detail(LANE_WIDTH);
                assertThat(w).isBetween(new double[] {3.25, 2.75, 2.3}[f.value(LANE_WIDTH)],
                        new double[] {3.9, 3.25, 2.75}[f.value(LANE_WIDTH)]);
                if (f.value(MEDIAN) == MEDIAN_WIDE) {
                    assertThat(f.detail(MEDIAN)).isGreaterThanOrEqualTo(5);
                }
                if (f.value(MEDIAN) == MEDIAN_NARROW) {
                    assertThat(f.detail(MEDIAN)).isLessThan(5);
                }
            }
        }
    }

    @Test
    void categoryFrequenciesAreImbalancedLikeRealSurveysAndConfigurable() {
        int[] median = new int[MEDIAN.size()];
        int[] boosted = new int[MEDIAN.size()];
        segments(Map.of()).forEach(s -> median[CoderRule.code(s)[MEDIAN.ordinal()]]++);
        segments(Map.of("median_type=wire_rope_safety_barrier", 8.0))
                .forEach(s -> boosted[CoderRule.code(s)[MEDIAN.ordinal()]]++);

        assertThat(median[CENTRE_LINE]).isGreaterThan(10 * median[WIRE_ROPE]);
        assertThat(java.util.Arrays.stream(median).min().orElseThrow()).as("rarest median type").isGreaterThanOrEqualTo(20);
        assertThat(boosted[WIRE_ROPE]).isGreaterThan(3 * median[WIRE_ROPE]);
    }

    @Test
    void coderNoiseMeasuredAgainstFrameTruthIsWhatWasConfigured() {
        List<List<FrameState>> segs = segments(Map.of());
        for (double rate : new double[] {0.0, 0.1}) {
            CoderRule coder = new CoderRule(rate);
            SplittableRandom rnd = new SplittableRandom(5);
            long flipped = 0;
            long labels = 0;
            for (List<FrameState> seg : segs) {
                int[] careful = CoderRule.code(seg);
                int[] written = coder.label(seg, rnd);
                for (int a = 0; a < COUNT; a++) {
                    flipped += careful[a] != written[a] ? 1 : 0;
                    labels++;
                }
            }
            assertThat(flipped / (double) labels).as("measured error rate at " + rate).isCloseTo(rate,
                    org.assertj.core.data.Offset.offset(0.005));
        }
    }

    @Test
    void coderRuleTakesTheMajorityTheRiskierOnATieAndAnyPointObject() {
        List<FrameState> seg = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            int[] v = new int[COUNT];
            v[CURVATURE.ordinal()] = j < 5 ? STRAIGHT : SHARP;
            v[LANE_WIDTH.ordinal()] = j < 6 ? NARROW : WIDE;
            v[CROSSING.ordinal()] = j == 7 ? PRESENT : ABSENT;
            seg.add(new FrameState(j, j * 10, v, new double[COUNT], Double.NaN, Double.NaN, 0));
        }
        int[] label = CoderRule.code(seg);
        assertThat(label[CURVATURE.ordinal()]).isEqualTo(SHARP);
        assertThat(label[LANE_WIDTH.ordinal()]).isEqualTo(NARROW);
        assertThat(label[CROSSING.ordinal()]).isEqualTo(PRESENT);
        assertThat(label[JUNCTION.ordinal()]).isEqualTo(ABSENT);
    }
}
