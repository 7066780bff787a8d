package org.roadcoder.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.TestLayouts;

/** Six hand-made examples over the small layout (urban, curvature x3, lighting, lanes x2); expected values by hand. */
class EvaluatorTest {

    static final OutputLayout LAYOUT = TestLayouts.small();
    private static final double EPS = 1e-12;

    static final double[][] P = {
        {0.9, 0.7, 0.2, 0.1, 0.4, 0.8, 0.2},
        {0.8, 0.1, 0.6, 0.3, 0.4, 0.4, 0.6},
        {0.3, 0.5, 0.4, 0.1, 0.9, 0.5, 0.5},
        {0.6, 0.2, 0.3, 0.5, 0.1, 0.9, 0.1},
        {0.2, 0.6, 0.3, 0.1, 0.45, 0.3, 0.7},
        {0.1, 0.3, 0.4, 0.3, 0.2, 0.6, 0.4},
    };
    static final double[][] Y = {
        {1, 1, 0, 0, 1, 1, 0},
        {0, 0, 1, 0, 0, 0, 1},
        {1, 0, 1, 0, 1, 0, 1},
        {1, 0, 0, 1, 0, 1, 0},
        {0, 1, 0, 0, 1, 1, 0},
        {0, 1, 0, 0, 0, 1, 0},
    };

    private final Evaluation eval = Evaluator.evaluate(LAYOUT, P, Y, Thresholds.defaults());

    @Test
    void flagMetricsAtTheDefaultThreshold() {
        LabelMetrics urban = eval.label("urban");
        assertThat(urban.precision()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(urban.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(urban.f1()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(urban.averagePrecision()).isCloseTo(29.0 / 36, within(EPS));
        assertThat(urban.support()).isEqualTo(3);
        assertThat(eval.metric("acc/urban")).isCloseTo(4.0 / 6, within(EPS));

        LabelMetrics lighting = eval.label("lighting");
        assertThat(lighting.precision()).isEqualTo(1.0);
        assertThat(lighting.recall()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(eval.metric("f1/lighting")).isCloseTo(0.5, within(EPS));
        // a positive and a negative tie at 0.4: one precision-recall step, not two
        assertThat(eval.metric("ap/lighting")).isCloseTo(11.0 / 12, within(EPS));
        assertThat(eval.metric("mean_flag_f1")).isCloseTo(7.0 / 12, within(EPS));
    }

    @Test
    void exclusiveGroupsPredictTheirMostProbableCategory() {
        assertThat(eval.metric("acc/curvature")).isCloseTo(4.0 / 6, within(EPS));
        assertThat(eval.label("curvature[0]").f1()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(eval.label("curvature[1]").f1()).isCloseTo(0.5, within(EPS));
        assertThat(eval.label("curvature[2]").f1()).isEqualTo(1.0);
        assertThat(eval.label("curvature[0]").averagePrecision()).isCloseTo(11.0 / 12, within(EPS));
        assertThat(eval.metric("f1/curvature")).isCloseTo(13.0 / 18, within(EPS));
        // example 2 ties 0.5/0.5 and predicts the first category
        assertThat(eval.metric("acc/lanes")).isCloseTo(4.0 / 6, within(EPS));
        assertThat(eval.metric("f1/lanes")).isCloseTo(5.0 / 8, within(EPS));
        assertThat(eval.metric("macro_f1")).isCloseTo(97.0 / 144, within(EPS));
    }

    @Test
    void metricsAreNamedPerGroupInOutputOrder() {
        assertThat(eval.metrics().keySet()).containsExactly("acc/urban", "f1/urban", "ap/urban", "acc/curvature",
                "f1/curvature", "acc/lighting", "f1/lighting", "ap/lighting", "acc/lanes", "f1/lanes", "macro_f1",
                "mean_flag_f1", "all_groups_f1");
        // the selection score counts every group, flags included
        assertThat(eval.metric(Evaluation.SELECTION)).isCloseTo((eval.metric("f1/urban") + eval.metric("f1/curvature")
                + eval.metric("f1/lighting") + eval.metric("f1/lanes")) / 4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(eval.labels()).extracting(LabelMetrics::label).containsExactly("urban", "curvature[0]",
                "curvature[1]", "curvature[2]", "lighting", "lanes[0]", "lanes[1]");
        assertThatThrownBy(() -> eval.metric("f1/nope")).hasMessageContaining("known: [acc/urban");
    }

    @Test
    void thresholdsChangeFlagDecisions() {
        Evaluation tuned = Evaluator.evaluate(LAYOUT, P, Y, new Thresholds(Map.of("urban", 0.3, "lighting", 0.4)));
        assertThat(tuned.metric("f1/urban")).isCloseTo(6.0 / 7, within(EPS));
        assertThat(tuned.metric("f1/lighting")).isCloseTo(6.0 / 7, within(EPS));
        assertThat(tuned.metric("macro_f1")).isEqualTo(eval.metric("macro_f1"));
    }

    @Test
    void zeroOverZeroIsZero() {
        double[][] p = {{0.1, 0.8, 0.1, 0.1, 0.2, 0.9, 0.1}};
        double[][] y = {{0, 1, 0, 0, 0, 1, 0}};
        LabelMetrics urban = Evaluator.evaluate(LAYOUT, p, y, Thresholds.defaults()).label("urban");
        assertThat(urban).isEqualTo(new LabelMetrics("urban", 0, 0, 0, 0, 0, 0));
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> Evaluator.evaluate(LAYOUT, new double[][] {{1, 2}}, Y, Thresholds.defaults()))
                .hasMessageContaining("[n > 0][7]");
    }
}
