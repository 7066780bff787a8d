package org.roadcoder.data.sim;

import java.awt.image.BufferedImage;

/**
 * Simple image statistics for the learnability check: a coarse colour thumbnail, a finer grey
 * thumbnail, horizontal and vertical edge energy per cell, and a finer grey strip just below the
 * horizon, where a bend shows. {@link #weights} sets how much the strip counts.
 */
final class PixelFeatures {

    private static final int BAND_ROWS = 8;
    private static final int BAND_COLS = 32;
    private static final int BASE = 8 * 8 * 3 + 24 * 24 + 2 * 8 * 8;
    static final int SIZE = BASE + BAND_ROWS * BAND_COLS;

    private PixelFeatures() {
    }

    /** Relative weight of each feature in the classifier's distance. */
    static double[] weights(double thumbnails, double bend) {
        double[] w = new double[SIZE];
        java.util.Arrays.fill(w, thumbnails);
        java.util.Arrays.fill(w, BASE, SIZE, bend);
        return w;
    }

    static double[] of(BufferedImage im) {
        int w = im.getWidth();
        int h = im.getHeight();
        double[] grey = new double[w * h];
        double[] f = new double[SIZE];
        int[] n8 = new int[64];
        int[] n24 = new int[24 * 24];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = im.getRGB(x, y);
                int r = p >> 16 & 0xff;
                int g = p >> 8 & 0xff;
                int b = p & 0xff;
                grey[y * w + x] = (r + g + b) / 765.0;
                int c8 = (y * 8 / h) * 8 + x * 8 / w;
                f[c8 * 3] += r / 255.0;
                f[c8 * 3 + 1] += g / 255.0;
                f[c8 * 3 + 2] += b / 255.0;
                n8[c8]++;
                int c24 = (y * 24 / h) * 24 + x * 24 / w;
                f[192 + c24] += grey[y * w + x];
                n24[c24]++;
            }
        }
        for (int c = 0; c < 64; c++) {
            for (int k = 0; k < 3; k++) {
                f[c * 3 + k] /= n8[c];
            }
        }
        for (int c = 0; c < 24 * 24; c++) {
            f[192 + c] /= n24[c];
        }
        int off = 192 + 24 * 24;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int c8 = (y * 8 / h) * 8 + x * 8 / w;
                f[off + c8] += Math.abs(grey[y * w + x + 1] - grey[y * w + x - 1]) / n8[c8];
                f[off + 64 + c8] += Math.abs(grey[(y + 1) * w + x] - grey[(y - 1) * w + x]) / n8[c8];
            }
        }
        // the band just below the horizon, finer: where the road goes
        int y0 = (int) (0.36 * h);
        int y1 = (int) (0.6 * h);
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                f[BASE + ((y - y0) * BAND_ROWS / (y1 - y0)) * BAND_COLS + x * BAND_COLS / w] +=
                        grey[y * w + x] * BAND_ROWS * BAND_COLS / (double) ((y1 - y0) * w);
            }
        }
        return f;
    }
}
