package org.roadcoder.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.roadcoder.data.TinySurvey;

class AugmentationTest {

    private final FrameImageLoader loader = new FrameImageLoader(16, 16);
    private final Path green = TinySurvey.source().resolve("images/green.png");

    @Test
    void colourJitterChangesTheImageButStaysInRange() {
        INDArray plain = loader.load(green);
        INDArray jittered = loader.load(green, new Augmentation(0, 0.2, 0.3, 0.3), new Random(5));
        assertThat(Transforms.abs(jittered.sub(plain)).maxNumber().doubleValue()).isGreaterThan(1.0);
        assertThat(jittered.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(jittered.maxNumber().doubleValue()).isLessThanOrEqualTo(255);
    }

    @Test
    void lessSaturationMovesAPureColourTowardsGrey() {
        INDArray desaturated = null;
        for (int seed = 0; desaturated == null; seed++) {
            Random probe = new Random(seed);
            probe.nextDouble();
            probe.nextDouble();
            probe.nextDouble();
            probe.nextDouble();
            if (probe.nextDouble() < 0.3) { // the draw that sets saturation below 1 - 0.4 * 0.5
                desaturated = loader.load(green, new Augmentation(0, 0, 0, 1.0), new Random(seed));
            }
        }
        double[] m = FrameImageLoaderTest.channelMeans(desaturated);
        assertThat(m[0]).as("red rises from 0").isGreaterThan(20);
        assertThat(m[1]).as("green falls from 255").isLessThan(235);
    }

    @Test
    void noJitterLeavesTheImageAlone() {
        INDArray plain = loader.load(green);
        INDArray same = loader.load(green, new Augmentation(0, 0, 0, 0), new Random(5));
        assertThat(same).isEqualTo(plain);
    }

    @Test
    void rejectsOutOfRangeSettingsNamingThem() {
        assertThatThrownBy(() -> new Augmentation(0.7, 0, 0, 0))
                .hasMessage("augmentation cropFraction must be in [0, 0.5], got 0.7");
        assertThatThrownBy(() -> new Augmentation(0, -0.1, 0, 0))
                .hasMessage("augmentation brightness must be in [0, 1.0], got -0.1");
    }
}
