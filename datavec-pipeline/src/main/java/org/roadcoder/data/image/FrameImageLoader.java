package org.roadcoder.data.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.datavec.image.loader.NativeImageLoader;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.roadcoder.data.DataException;

/**
 * Loads survey frames with DataVec's {@link NativeImageLoader} (OpenCV): decode, optional random
 * crop, channel order, resize to the configured size. Output is {@code [1, 3, height, width]},
 * channels first, values 0-255, RGB unless BGR is asked for (what Caffe-trained VGG weights
 * expect, and OpenCV's own order, so it costs nothing); normalisation is the {@link ImagePreset}'s
 * job. Thread-safe.
 */
public final class FrameImageLoader {

    private final int height;
    private final int width;
    private final ChannelOrder order;
    private final ThreadLocal<NativeImageLoader> loaders;

    /** An RGB loader. */
    public FrameImageLoader(int height, int width) {
        this(height, width, ChannelOrder.RGB);
    }

    public FrameImageLoader(int height, int width, ChannelOrder order) {
        if (height < 8 || width < 8) {
            throw new IllegalArgumentException("image size must be at least 8x8, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.order = order;
        this.loaders = ThreadLocal.withInitial(() -> new NativeImageLoader(height, width, 3));
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public ChannelOrder channelOrder() {
        return order;
    }

    /** Loads one frame without augmentation into a new {@code [1, 3, height, width]} array. */
    public INDArray load(Path image) {
        return load(image, null, null);
    }

    /** Loads one frame into a new array; see {@link #loadInto(Path, INDArray, Augmentation, Random)}. */
    public INDArray load(Path image, Augmentation augmentation, Random random) {
        INDArray out = Nd4j.create(DataType.FLOAT, 1, 3, height, width);
        loadInto(image, out, augmentation, random);
        return out;
    }

    /**
     * Decodes {@code image} and writes it into {@code target}, a {@code [1, 3, height, width]} array or
     * view (e.g. one slot of a batch). With {@code augmentation} and {@code random}, a random crop
     * keeping at least {@code 1 - cropFraction} of each side is taken and the colours jittered before
     * resizing. Every native
     * image OpenCV allocates on the way is freed before this returns (a JavaCPP
     * {@link PointerScope}), so memory does not wait for the garbage collector.
     */
    public void loadInto(Path image, INDArray target, Augmentation augmentation, Random random) {
        try (PointerScope scope = new PointerScope(Mat.class)) { // only OpenCV images: ND4J caches pointers of its own
            Mat bgr = imread(image.toString(), IMREAD_COLOR);
            if (bgr == null || bgr.empty()) {
                throw new DataException(image, "cannot decode image (corrupt, empty or not a JPEG/PNG)");
            }
            Mat src = bgr;
            if (augmentation != null) {
                src = new Mat(bgr, cropRect(bgr.cols(), bgr.rows(), augmentation.cropFraction(), random));
                src = augmentation.jitterColour(src, random);
            }
            Mat ordered = src;
            if (order == ChannelOrder.RGB) {
                ordered = new Mat();
                cvtColor(src, ordered, COLOR_BGR2RGB);
            }
            // DataVec M2.1's asMatrixView overruns its target, so decode to a new array, copy, and free it
            INDArray decoded = loaders.get().asMatrix(ordered);
            target.assign(decoded);
            free(decoded);
        } catch (IOException e) {
            throw new DataException(image, "cannot convert image: " + e.getMessage(), e);
        }
    }

    /**
     * Releases a decoded image's native memory now. asMatrix returns a reshaped view, whose own
     * {@code close()} does nothing; the buffer behind it belongs to this image alone.
     */
    private static void free(INDArray decoded) {
        DataBuffer original = decoded.data().originalDataBuffer();
        if (original != null && original.closeable()) {
            original.close();
        } else if (decoded.closeable()) {
            decoded.close();
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
