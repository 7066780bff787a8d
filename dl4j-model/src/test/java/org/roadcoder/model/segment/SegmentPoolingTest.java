package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Thresholds;

class SegmentPoolingTest {

    private final OutputLayout layout = OutputLayout.builder().flag("crossing").exclusive("lanes", 3).build();

    @Test
    void poolsMeanPerExclusiveGroupAndMaximumPerFlagPerSegmentInOrderOfFirstAppearance() {
        double[][] rows = {{0.1, 0.2, 0.5, 0.3}, {0.7, 0.6, 0.3, 0.1}, {0.2, 0.1, 0.1, 0.8}};

        SegmentPooling.Pooled p = SegmentPooling.pool(layout, List.of("b", "b", "a"), rows);

        assertThat(p.segmentIds()).containsExactly("b", "a");
        assertThat(p.rows()[0]).containsExactly(0.7, 0.4, 0.4, 0.2);
        assertThat(p.rows()[1]).containsExactly(rows[2]);
    }

    @Test
    void theSegmentCoderCodesThePooledRow() {
        double[][] rows = {{0.1, 0.2, 0.5, 0.3}, {0.45, 0.6, 0.3, 0.1}};
        double[] pooled = SegmentPooling.pool(layout, rows);

        SegmentCode code = new SegmentCoder(layout, Thresholds.defaults()).code(rows);

        assertThat(code.present("crossing")).isFalse();
        assertThat(code.scores().get("crossing")).isEqualTo(pooled[0]).isEqualTo(0.45);
        assertThat(code.category("lanes")).isEqualTo(0);
        assertThat(code.scores().get("lanes")).isEqualTo(pooled[1]);
    }

    @Test
    void rejectsRowsThatDoNotMatchTheirIdsOrTheLayout() {
        assertThatThrownBy(() -> SegmentPooling.pool(layout, List.of("a"), new double[2][4]))
                .hasMessage("1 segment ids for 2 frame rows");
        assertThatThrownBy(() -> SegmentPooling.pool(layout, new double[][] {{0.1, 0.2}}))
                .hasMessage("frame rows must have 4 outputs, got 2");
    }
}
