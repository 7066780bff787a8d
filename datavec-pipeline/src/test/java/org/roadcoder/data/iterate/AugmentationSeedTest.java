package org.roadcoder.data.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 12: neighbouring frames of an epoch must get unrelated augmentation draws. */
class AugmentationSeedTest {

    @Test
    void neighbouringFramesDrawSpreadCropsAndColours() {
        double[] first = new double[200];
        for (int position = 0; position < first.length; position++) {
            first[position] = SurveyFrameIterator.augmentationRandom(42, 3, position).nextDouble();
        }
        double mean = Arrays.stream(first).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(first).map(d -> (d - mean) * (d - mean)).average().orElseThrow());

        // uniform on [0, 1): sd 0.29; new Random(base + position) gave 0.0035
        assertThat(sd).isBetween(0.25, 0.33);
        assertThat(Arrays.stream(first).filter(d -> d < 0.1).count()).isGreaterThan(5);
        assertThat(Arrays.stream(first).filter(d -> d > 0.9).count()).isGreaterThan(5);
    }

    @Test
    void theSameFrameAndEpochDrawTheSameAndAnotherEpochDiffers() {
        assertThat(SurveyFrameIterator.augmentationRandom(42, 1, 7).nextLong())
                .isEqualTo(SurveyFrameIterator.augmentationRandom(42, 1, 7).nextLong())
                .isNotEqualTo(SurveyFrameIterator.augmentationRandom(42, 2, 7).nextLong());
    }
}
