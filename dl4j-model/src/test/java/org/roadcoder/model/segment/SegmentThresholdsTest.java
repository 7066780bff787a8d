package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;

/** Issue 12: segment codes (the maximum over a segment's frames) get thresholds tuned for that decision. */
class SegmentThresholdsTest {

    private static final OutputLayout LAYOUT = OutputLayout.builder().exclusive("lanes", 2).flag("junction").build();
    private static final int COL = 2;

    @Test
    void frameAndSegmentThresholdsAreTunedEachForItsOwnDecision() {
        // segments a and c have a junction, seen in two of their ten frames; b and d have none but one
        // frame each scores fairly high
        List<String> segments = new ArrayList<>();
        List<double[]> p = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        add(segments, p, y, "a", true, 0.9, 0.9);
        add(segments, p, y, "b", false, 0.6);
        add(segments, p, y, "c", true, 0.8, 0.8);
        add(segments, p, y, "d", false, 0.5);

        Thresholds t = SegmentThresholds.tune(LAYOUT, segments, p.toArray(double[][]::new),
                y.toArray(double[][]::new));

        // every labelled frame counts for a frame: the best frame threshold takes them all
        assertThat(t.of("junction")).isEqualTo(0.1);
        // a segment is judged on its maximum: only 0.8 separates a, c from b, d
        assertThat(t.forSegments().of("junction")).isEqualTo(0.8);
        assertThat(Thresholds.fromJson(t.toJson())).isEqualTo(t);
    }

    private static void add(List<String> segments, List<double[]> p, List<double[]> y, String segment, boolean present,
            double... high) {
        for (int f = 0; f < 10; f++) {
            segments.add(segment);
            p.add(new double[] {0.5, 0.5, f < high.length ? high[f] : 0.1});
            y.add(new double[] {1, 0, present ? 1 : 0});
        }
    }
}
