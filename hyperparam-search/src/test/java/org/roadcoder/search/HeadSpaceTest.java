package org.roadcoder.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.util.LeafUtils;
import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.roadcoder.model.transfer.HeadOptions;

class HeadSpaceTest {

    private final SearchSpace space = SearchSpace.defaults().withLearningRate(1e-4, 1e-2);

    private HeadSpace indexed() {
        return index(new HeadSpace(space, HeadOptions.defaults()));
    }

    /** What Arbiter's candidate generators do before asking a space for values. */
    private static HeadSpace index(HeadSpace s) {
        int i = 0;
        for (ParameterSpace<?> leaf : LeafUtils.getUniqueObjects(s.collectLeaves())) {
            leaf.setIndices(i++);
        }
        return s;
    }

    @Test
    void mapsTheUnitCubeOntoTheSearchSpace() {
        HeadSpace s = indexed();
        assertThat(s.numParameters()).isEqualTo(3);

        HeadOptions low = s.getValue(new double[] {0, 0, 0});
        HeadOptions high = s.getValue(new double[] {1, 1, 1});
        HeadOptions middle = s.getValue(new double[] {0.5, 0.5, 0.5});

        assertThat(low.hidden()).isEqualTo(64);
        assertThat(high.hidden()).isEqualTo(2048);
        assertThat(middle.hidden()).as("log-uniform: the geometric mean").isEqualTo(362);
        assertThat(low.dropRate()).isZero();
        assertThat(high.dropRate()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(middle.classifierLr()).isEqualTo(1e-3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(middle.featureLr()).as("not searched").isEqualTo(HeadOptions.defaults().featureLr());
    }

    @Test
    void aFixedLearningRateIsNotAParameter() {
        HeadSpace s = new HeadSpace(SearchSpace.defaults(), HeadOptions.defaults());
        assertThat(s.numParameters()).isEqualTo(2);
    }

    @Test
    void aRangeOfOneValueIsFixedAndNotAParameter() {
        HeadSpace s = index(new HeadSpace(SearchSpace.defaults().withHidden(64, 64).withDropRate(0.3, 0.3)
                .withLearningRate(1e-3, 1e-2), HeadOptions.defaults()));
        assertThat(s.numParameters()).as("the learning rate only").isEqualTo(1);
        HeadOptions h = s.getValue(new double[] {0.5});
        assertThat(h.hidden()).isEqualTo(64);
        assertThat(h.dropRate()).isEqualTo(0.3);
    }

    @Test
    void survivesArbitersJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(indexed());
        HeadSpace back = index(json.readValue(text, HeadSpace.class));
        assertThat(back.getValue(new double[] {0.5, 0.25, 0.5})).isEqualTo(indexed().getValue(new double[] {0.5, 0.25, 0.5}));
    }

    @Test
    void rangesAreValidatedNamingTheValues() {
        assertThatThrownBy(() -> SearchSpace.defaults().withDropRate(0.2, 1.0))
                .hasMessage("drop rate range must be 0 <= min <= max < 1, got 0.2..1.0");
        assertThatThrownBy(() -> SearchSpace.defaults().withHidden(0, 10))
                .hasMessage("hidden size range must be 1 <= min <= max, got 0..10");
    }
}
