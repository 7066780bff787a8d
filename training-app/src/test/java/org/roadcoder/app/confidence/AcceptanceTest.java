package org.roadcoder.app.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.SegmentCode;

class AcceptanceTest {

    // ten validation segments, most confident first: right, right, right, WRONG, right, right, WRONG, right, WRONG, WRONG
    static final double[] CONF = {0.99, 0.97, 0.95, 0.90, 0.85, 0.85, 0.70, 0.60, 0.50, 0.40};
    static final boolean[] RIGHT = {true, true, true, false, true, true, false, true, false, false};

    @Test
    void theThresholdIsTheLowestConfidenceAtWhichTheAcceptedCodesReachTheTarget() {
        AcceptanceCurve curve = new AcceptanceCurve(CONF, RIGHT);

        assertThat(curve.cut(1.0)).isEqualTo(new AcceptanceCurve.Cut(0.95, 0.3, 1.0));
        // top 6 (through the tie at 0.85): 5 right of 6
        AcceptanceCurve.Cut c80 = curve.cut(0.8);
        assertThat(c80.threshold()).isEqualTo(0.85);
        assertThat(c80.coverage()).isEqualTo(0.6);
        assertThat(c80.precision()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(curve.cut(0.7).threshold()).isEqualTo(0.60);
        assertThat(curve.cut(0.7).precision()).isCloseTo(6.0 / 8, within(1e-12));
        assertThat(curve.cut(0.6)).isEqualTo(new AcceptanceCurve.Cut(0.40, 1.0, 0.6));
    }

    @Test
    void tiesAreAcceptedOrRefusedTogetherAndAnUnreachableTargetAcceptsNothing() {
        AcceptanceCurve tied = new AcceptanceCurve(new double[] {0.9, 0.9, 0.8}, new boolean[] {true, false, true});

        assertThat(tied.cut(1.0).threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(tied.cut(1.0).coverage()).isZero();
        assertThat(tied.cut(0.6).threshold()).isEqualTo(0.8);
        assertThat(tied.at(0.85)).isEqualTo(new AcceptanceCurve.Cut(0.85, 2.0 / 3, 0.5));
    }

    @Test
    void codesAreAcceptedAtOrAboveTheirGroupsThresholdAndFlagConfidenceIsThatOfTheChosenSide() {
        OutputLayout layout = OutputLayout.builder().flag("lit").exclusive("curve", 3).build();
        Acceptance a = Acceptance.tune(Map.of("lit", new AcceptanceCurve(CONF, RIGHT),
                "curve", new AcceptanceCurve(CONF, RIGHT)), 0.8);
        SegmentCode absentSure = new SegmentCode(Map.of("lit", 0, "curve", 2), Map.of("lit", 0.05, "curve", 0.86));
        SegmentCode presentUnsure = new SegmentCode(Map.of("lit", 1, "curve", 0), Map.of("lit", 0.6, "curve", 0.84));
        OutputLayout.Block lit = layout.blocks().get(0);
        OutputLayout.Block curve = layout.blocks().get(1);

        assertThat(Confidence.of(lit, absentSure)).isCloseTo(0.95, within(1e-12));
        assertThat(a.status("lit", Confidence.of(lit, absentSure))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(a.status("curve", Confidence.of(curve, absentSure))).isEqualTo(Acceptance.ACCEPTED);
        assertThat(a.status("lit", Confidence.of(lit, presentUnsure))).isEqualTo(Acceptance.REVIEW);
        assertThat(a.status("curve", Confidence.of(curve, presentUnsure))).isEqualTo(Acceptance.REVIEW);
        assertThat(Confidence.least(layout, presentUnsure)).isCloseTo(0.6, within(1e-12));
        assertThat(a.status("unknown", 1.0)).isEqualTo(Acceptance.REVIEW);
        assertThat(List.of(a.validationSegments())).containsExactly(10);
    }
}
