package org.roadcoder.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roadcoder.data.DataException;
import org.roadcoder.data.survey.SurveyFrame;

class RoadSplitTest {

    /** 20 roads r00..r19, each with 3 frames. */
    private static List<SurveyFrame> frames(int roads) {
        List<SurveyFrame> out = new ArrayList<>();
        for (int r = 0; r < roads; r++) {
            for (int f = 0; f < 3; f++) {
                String road = String.format("r%02d", r);
                out.add(new SurveyFrame(road + "-f" + f, road + "-s0", road, Path.of("x.jpg"), f * 10, 2, new float[0]));
            }
        }
        return out;
    }

    @Test
    void splitsRoadsNotFramesInTheGivenShares() {
        List<SurveyFrame> frames = frames(20);
        RoadSplit split = RoadSplit.of(frames, SplitFractions.defaults(), 42);

        assertThat(split.trainRoads()).hasSize(14);
        assertThat(split.validationRoads()).hasSize(3);
        assertThat(split.testRoads()).hasSize(3);
        Set<String> all = new HashSet<>(split.trainRoads());
        all.addAll(split.validationRoads());
        all.addAll(split.testRoads());
        assertThat(all).hasSize(20);
        for (RoadSplit.Part part : RoadSplit.Part.values()) {
            assertThat(split.frames(frames, part)).hasSize(3 * split.roads(part).size())
                    .allMatch(f -> split.roads(part).contains(f.roadId()));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<SurveyFrame> frames = frames(20);
        assertThat(RoadSplit.of(frames, SplitFractions.defaults(), 42)).isEqualTo(RoadSplit.of(frames, SplitFractions.defaults(), 42));
        assertThat(RoadSplit.of(frames, SplitFractions.defaults(), 43).testRoads())
                .isNotEqualTo(RoadSplit.of(frames, SplitFractions.defaults(), 42).testRoads());
    }

    @Test
    void everyNonEmptyShareGetsARoad() {
        RoadSplit split = RoadSplit.of(frames(3), SplitFractions.defaults(), 1);
        assertThat(split.trainRoads()).hasSize(1);
        assertThat(split.validationRoads()).hasSize(1);
        assertThat(split.testRoads()).hasSize(1);
        RoadSplit noTest = RoadSplit.of(frames(5), new SplitFractions(0.8, 0.2, 0), 1);
        assertThat(noTest.testRoads()).isEmpty();
        assertThat(noTest.validationRoads()).hasSize(1);
    }

    @Test
    void tooFewRoadsIsAClearError() {
        assertThatThrownBy(() -> RoadSplit.of(frames(2), SplitFractions.defaults(), 1))
                .isInstanceOf(DataException.class)
                .hasMessage("the survey has 2 roads; a 70/15/15 train/validation/test split by road needs at least 3");
    }

    @Test
    void fractionsMustAddUp() {
        assertThatThrownBy(() -> new SplitFractions(0.7, 0.2, 0.2))
                .hasMessageStartingWith("split fractions must add up to 1, got 0.7 + 0.2 + 0.2");
        assertThatThrownBy(() -> new SplitFractions(0, 0.5, 0.5)).hasMessageStartingWith("split fractions must be");
    }
}
