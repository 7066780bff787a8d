package org.roadcoder.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.data.survey.SurveyFrame;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentCoder;

class SegmentPoolingTest {

    private final OutputLayout layout = OutputLayout.builder().flag("crossing").exclusive("lanes", 3).build();

    @Test
    void poolsMeanPerBlockAndMaxPerFlagAgreeingWithTheSegmentCoder() {
        double[][] rows = {{0.1, 0.2, 0.5, 0.3}, {0.7, 0.6, 0.3, 0.1}, {0.2, 0.1, 0.1, 0.8}};
        List<SurveyFrame> frames = List.of(frame("a"), frame("a"), frame("b"));

        SegmentPooling.Pooled p = SegmentPooling.pool(layout, frames, rows);

        assertThat(p.segmentIds()).containsExactly("a", "b");
        assertThat(p.rows()[0]).containsExactly(0.7, 0.4, 0.4, 0.2);
        assertThat(p.rows()[1]).containsExactly(rows[2]);
        var code = new SegmentCoder(layout, Thresholds.defaults()).code(new double[][] {rows[0], rows[1]});
        assertThat(code.present("crossing")).isEqualTo(p.rows()[0][0] >= 0.5);
        assertThat(code.category("lanes")).isEqualTo(0);
    }

    @Test
    void majorityBaselinePredictsEachGroupsMostFrequentCategory() {
        double[][] y = {{1, 0, 1, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}};
        double[][] p = MajorityBaseline.of(layout, y).predictions(2);
        assertThat(p).hasDimensions(2, 4);
        assertThat(p[1]).containsExactly(0, 0, 1, 0);
    }

    private static SurveyFrame frame(String segment) {
        return new SurveyFrame("f", segment, "r", Path.of("x.png"), 0, 2, new float[0]);
    }
}
