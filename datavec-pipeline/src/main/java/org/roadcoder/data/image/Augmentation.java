package org.roadcoder.data.image;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Training-time augmentation, applied by {@link FrameImageLoader} to the decoded 8-bit image before
 * it becomes a tensor: a small random crop/shift (then resized back) and colour jitter. Never used
 * for evaluation or prediction.
 *
 * @param cropFraction at most this fraction of each side is cropped away (0 = no crop), e.g. 0.1
 * @param brightness   brightness offset drawn from +-brightness x 255, e.g. 0.1
 * @param contrast     contrast factor drawn from 1 +- contrast, e.g. 0.2
 * @param saturation   saturation factor drawn from 1 +- saturation, e.g. 0.2
 */
public record Augmentation(double cropFraction, double brightness, double contrast, double saturation) implements java.io.Serializable {

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

    /**
     * Jitters one 8-bit, 3-channel OpenCV image (either channel order) with factors drawn from
     * {@code random}: saturation (blend with its grey version), contrast around its mean, brightness.
     * Runs natively and saturates at 0 and 255. Returns the jittered image (may be a new Mat).
     */
    public Mat jitterColour(Mat image, Random random) {
        double b = (random.nextDouble() * 2 - 1) * brightness * 255;
        double c = 1 + (random.nextDouble() * 2 - 1) * contrast;
        double s = 1 + (random.nextDouble() * 2 - 1) * saturation;
        Mat out = image;
        if (s != 1) {
            Mat grey = new Mat();
            Mat grey3 = new Mat();
            cvtColor(image, grey, COLOR_BGR2GRAY);
            cvtColor(grey, grey3, COLOR_GRAY2BGR);
            Mat blended = new Mat();
            addWeighted(image, s, grey3, 1 - s, 0, blended);
            out = blended;
        }
        if (c != 1 || b != 0) {
            double mean = (mean(out).get(0) + mean(out).get(1) + mean(out).get(2)) / 3;
            Mat adjusted = new Mat();
            out.convertTo(adjusted, -1, c, (1 - c) * mean + b);
            out = adjusted;
        }
        return out;
    }
}
