package org.roadcoder.data.image;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Training-time augmentation: a small random crop/shift (applied while loading, before resizing)
 * and colour jitter (applied to the RGB 0-255 tensor, before normalisation). Never used for evaluation.
 *
 * @param cropFraction at most this fraction of each side is cropped away (0 = no crop), e.g. 0.1
 * @param brightness   brightness offset drawn from +-brightness x 255, e.g. 0.1
 * @param contrast     contrast factor drawn from 1 +- contrast, e.g. 0.2
 * @param saturation   saturation factor drawn from 1 +- saturation, e.g. 0.2
 */
public record Augmentation(double cropFraction, double brightness, double contrast, double saturation) {

    public Augmentation {
        check("cropFraction", cropFraction, 0.5);
        check("brightness", brightness, 1.0);
        check("contrast", contrast, 1.0);
        check("saturation", saturation, 1.0);
    }

    /** Mild defaults for survey frames: 10% crop, +-10% brightness, +-20% contrast and saturation. */
    public static Augmentation defaults() {
        return new Augmentation(0.1, 0.1, 0.2, 0.2);
    }

    private static void check(String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException("augmentation " + name + " must be in [0, " + max + "], got " + v);
        }
    }

    /** Jitters one RGB image {@code [1, 3, h, w]} (0-255) in place, with factors drawn from {@code random}. */
    public void jitterColour(INDArray image, Random random) {
        double b = (random.nextDouble() * 2 - 1) * brightness * 255;
        double c = 1 + (random.nextDouble() * 2 - 1) * contrast;
        double s = 1 + (random.nextDouble() * 2 - 1) * saturation;
        if (s != 1) {
            INDArray gray = image.mean(true, 1); // [1, 1, h, w]
            image.muli(s).addi(gray.broadcast(image.shape()).mul(1 - s));
        }
        if (c != 1) {
            double mean = image.meanNumber().doubleValue();
            image.subi(mean).muli(c).addi(mean);
        }
        if (b != 0) {
            image.addi(b);
        }
        clamp(image);
    }

    private static void clamp(INDArray image) {
        Transforms.max(image, 0.0, false);
        Transforms.min(image, 255.0, false);
    }
}
