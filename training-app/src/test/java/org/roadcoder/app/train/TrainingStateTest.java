package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadcoder.app.config.ConfigLoader;

/**
 * Which epoch's network becomes the run's model: the best validated one by default, the last one with
 * {@code training.keep: last} (the proof of concept's script keeps its last epoch; on a 2-epoch run a 3-road
 * validation set often picks the worse epoch, docs/quality.md).
 */
class TrainingStateTest {

    @Test
    void keepBestKeepsTheEpochWithTheBestValidationScoreAndCountsTowardsEarlyStopping() {
        TrainingState s = TrainingState.start().after(7.0, 0.40, false).after(5.0, 0.35, false);
        assertThat(s.bestEpoch()).isEqualTo(1);
        assertThat(s.bestMacroF1()).isEqualTo(0.40);
        assertThat(s.sinceBest()).isEqualTo(1);
        assertThat(s.improvedLast()).as("epoch 2 is not saved as the model").isFalse();
    }

    @Test
    void keepLastKeepsEveryEpochSoTheLastOneIsTheModel() {
        TrainingState s = TrainingState.start().after(7.0, 0.40, true).after(5.0, 0.35, true);
        assertThat(s.bestEpoch()).isEqualTo(2);
        assertThat(s.bestMacroF1()).as("the kept epoch's own score").isEqualTo(0.35);
        assertThat(s.sinceBest()).as("never stops early").isZero();
        assertThat(s.improvedLast()).as("epoch 2 is saved as the model").isTrue();
        assertThat(s.firstLoss()).isEqualTo(7.0);
    }

    @Test
    void theConfigurationChoosesAndNamesABadValue() {
        assertThat(ConfigLoader.load(null, List.of()).training().keepLast()).isFalse();
        assertThat(ConfigLoader.load(null, List.of("training.keep=last")).training().keepLast()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("training.keep=first")))
                .hasMessageContaining("training.keep").hasMessageContaining("must be best or last, got first");
    }
}
