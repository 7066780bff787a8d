package org.roadcoder.data.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The camera's sensor and compression: adds per-pixel noise of a strength that varies per frame,
 * then encodes a JPEG at the configured quality. Reuses its writer and buffers; not thread-safe.
 */
final class FrameEncoder implements AutoCloseable {

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);

    FrameEncoder(int jpegQuality) {
        writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(jpegQuality / 100f);
    }

    /** Adds sensor noise to {@code image} in place and returns its JPEG bytes. */
    byte[] encode(BufferedImage image, SplittableRandom rnd) {
        addNoise(image, rnd);
        bytes.reset();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a JPEG frame", e);
        }
        return bytes.toByteArray();
    }

    /** Grain of up to +-{@code amp} grey levels, the same offset on all three channels plus a little colour. */
    static void addNoise(BufferedImage image, SplittableRandom rnd) {
        int w = image.getWidth();
        int amp = 3 + rnd.nextInt(8);
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = rnd.nextInt(2 * amp + 1) - amp;
                int p = row[x];
                int r = clamp((p >> 16 & 0xff) + n + rnd.nextInt(3) - 1);
                int g = clamp((p >> 8 & 0xff) + n);
                int b = clamp((p & 0xff) + n + rnd.nextInt(3) - 1);
                row[x] = r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
