package org.roadcoder.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class AugmentationTest {

    @Test
    void colourJitterChangesTheImageButStaysInRange() {
        INDArray img = Nd4j.rand(DataType.FLOAT, 1, 3, 8, 8).muli(255);
        INDArray before = img.dup();
        new Augmentation(0, 0.2, 0.3, 0.3).jitterColour(img, new Random(5));
        assertThat(Transforms.abs(img.sub(before)).maxNumber().doubleValue()).isGreaterThan(1.0);
        assertThat(img.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(img.maxNumber().doubleValue()).isLessThanOrEqualTo(255);
    }

    @Test
    void noJitterLeavesTheImageAlone() {
        INDArray img = Nd4j.rand(DataType.FLOAT, 1, 3, 8, 8).muli(255);
        INDArray before = img.dup();
        new Augmentation(0.1, 0, 0, 0).jitterColour(img, new Random(5));
        assertThat(img).isEqualTo(before);
    }

    @Test
    void rejectsOutOfRangeSettingsNamingThem() {
        assertThatThrownBy(() -> new Augmentation(0.7, 0, 0, 0))
                .hasMessage("augmentation cropFraction must be in [0, 0.5], got 0.7");
        assertThatThrownBy(() -> new Augmentation(0, -0.1, 0, 0))
                .hasMessage("augmentation brightness must be in [0, 1.0], got -0.1");
    }
}
