package org.roadcoder.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.roadcoder.model.OutputLayout;

class MajorityBaselineTest {

    private final OutputLayout layout = OutputLayout.builder().flag("crossing").exclusive("lanes", 3).build();

    @Test
    void majorityBaselinePredictsEachGroupsMostFrequentCategory() {
        double[][] y = {{1, 0, 1, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}};
        double[][] p = MajorityBaseline.of(layout, y).predictions(2);
        assertThat(p).hasDimensions(2, 4);
        assertThat(p[1]).containsExactly(0, 0, 1, 0);
    }
}
