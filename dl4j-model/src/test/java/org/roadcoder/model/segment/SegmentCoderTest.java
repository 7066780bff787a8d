package org.roadcoder.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;
import org.roadcoder.model.metrics.Thresholds;

/** Layout: urban (flag), curvature x3, lighting (flag), lanes x2. */
class SegmentCoderTest {

    private static final OutputLayout LAYOUT = TestLayouts.small();

    // curvature: frame 0 is sure of "sharp" (2), but on average "straight" (0) wins: 0.5 vs 0.4
    // lanes: means 0.4 and 0.6
    // lighting: a single frame at 0.6 makes the segment lit; urban never reaches 0.5
    private static final double[][] FRAMES = {
        {0.40, 0.10, 0.00, 0.90, 0.10, 0.70, 0.30},
        {0.45, 0.70, 0.20, 0.10, 0.60, 0.30, 0.70},
        {0.20, 0.70, 0.10, 0.20, 0.20, 0.20, 0.80},
    };

    @Test
    void exclusiveGroupsByMeanProbabilityFlagsByMaximum() {
        SegmentCode code = new SegmentCoder(LAYOUT, Thresholds.defaults()).code(FRAMES);
        assertThat(code.categories()).containsExactly(Map.entry("urban", 0), Map.entry("curvature", 0),
                Map.entry("lighting", 1), Map.entry("lanes", 1));
        assertThat(code.scores().get("curvature")).isCloseTo(0.5, within(1e-12));
        assertThat(code.scores().get("lanes")).isCloseTo(0.6, within(1e-12));
        assertThat(code.scores().get("urban")).isCloseTo(0.45, within(1e-12));
        assertThat(code.scores().get("lighting")).isCloseTo(0.6, within(1e-12));
        assertThat(code.present("lighting")).isTrue();
    }

    @Test
    void flagsUseTheirTunedThresholds() {
        Thresholds t = new Thresholds(Map.of("urban", 0.45, "lighting", 0.65));
        SegmentCode code = new SegmentCoder(LAYOUT, t).code(Nd4j.createFromArray(FRAMES));
        assertThat(code.category("urban")).isEqualTo(1);
        assertThat(code.category("lighting")).isEqualTo(0);
    }

    @Test
    void aSingleFrameIsItsOwnCode() {
        SegmentCode code = new SegmentCoder(LAYOUT, Thresholds.defaults()).code(Nd4j.createFromArray(FRAMES[0]));
        assertThat(code.categories()).containsExactly(Map.entry("urban", 0), Map.entry("curvature", 2),
                Map.entry("lighting", 0), Map.entry("lanes", 0));
    }

    @Test
    void rejectsEmptySegmentsAndWrongWidths() {
        SegmentCoder coder = new SegmentCoder(LAYOUT, Thresholds.defaults());
        assertThatThrownBy(() -> coder.code(new double[0][])).hasMessageContaining("at least one frame");
        assertThatThrownBy(() -> coder.code(new double[][] {{0.1, 0.2}})).hasMessageContaining("7 outputs, got 2");
        assertThatThrownBy(() -> coder.code(FRAMES).category("median")).hasMessageContaining("known: [urban");
    }
}
