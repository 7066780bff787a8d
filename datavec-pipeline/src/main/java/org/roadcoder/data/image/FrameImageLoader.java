package org.roadcoder.data.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.data.DataException;

/**
 * Loads survey frames with DataVec's {@link NativeImageLoader} (OpenCV): decode, optional random
 * crop, BGR to RGB, resize to the configured size. Output is {@code [1, 3, height, width]}, RGB,
 * channels first, values 0-255; normalisation is the {@link ImagePreset}'s job. Thread-safe.
 */
public final class FrameImageLoader {

    private final int height;
    private final int width;
    private final ThreadLocal<NativeImageLoader> loaders;

    public FrameImageLoader(int height, int width) {
        if (height < 8 || width < 8) {
            throw new IllegalArgumentException("image size must be at least 8x8, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.loaders = ThreadLocal.withInitial(() -> new NativeImageLoader(height, width, 3));
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Loads one frame without augmentation. */
    public INDArray load(Path image) {
        return load(image, null, null);
    }

    /**
     * Loads one frame; with {@code crop} and {@code random}, a random crop keeping at least
     * {@code 1 - crop.maxFraction()} of each side is taken before resizing.
     */
    public INDArray load(Path image, Augmentation crop, Random random) {
        Mat bgr = imread(image.toString(), IMREAD_COLOR);
        if (bgr == null || bgr.empty()) {
            throw new DataException(image, "cannot decode image (corrupt, empty or not a JPEG/PNG)");
        }
        Mat src = crop == null ? bgr : new Mat(bgr, cropRect(bgr.cols(), bgr.rows(), crop.cropFraction(), random));
        Mat rgb = new Mat();
        cvtColor(src, rgb, COLOR_BGR2RGB);
        try {
            return loaders.get().asMatrix(rgb);
        } catch (IOException e) {
            throw new DataException(image, "cannot convert image: " + e.getMessage(), e);
        } finally {
            rgb.close();
            if (src != bgr) {
                src.close();
            }
            bgr.close();
        }
    }

    static Rect cropRect(int cols, int rows, double maxFraction, Random random) {
        int dx = (int) Math.floor(cols * maxFraction * random.nextDouble());
        int dy = (int) Math.floor(rows * maxFraction * random.nextDouble());
        int x = dx == 0 ? 0 : random.nextInt(dx + 1);
        int y = dy == 0 ? 0 : random.nextInt(dy + 1);
        return new Rect(x, y, cols - dx, rows - dy);
    }

    /** Why {@code image} cannot be decoded, or empty if it can. */
    static Optional<String> decodeProblem(Path image) {
        try (Mat m = imread(image.toString(), IMREAD_COLOR)) {
            if (m == null || m.empty()) {
                return Optional.of("image cannot be decoded (corrupt or not a JPEG/PNG): " + image);
            }
            return Optional.empty();
        }
    }
}
