package org.roadcoder.model.backbone;

import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * How to build a backbone.
 *
 * @param height          input height in pixels; a multiple of 32 (VGG halves it five times)
 * @param width           input width in pixels; a multiple of 32
 * @param widthMultiplier scales every layer's channel count (at least 1 channel), in (0, 1]; 1 is
 *                        the published network, 1/16 a tiny variant for tests and CPU demos
 * @param seed            weight-initialisation seed
 * @param format          activation layout of the convolutional part: NCHW (DL4J's default, and the
 *                        layout of the zoo graphs and of imported weights) or NHWC (our layer list only);
 *                        docs/benchmarks.md measures what each costs
 */
public record BackboneOptions(int height, int width, double widthMultiplier, long seed, CNN2DFormat format) {

    public static final int DEFAULT_SIZE = 224;
    public static final long DEFAULT_SEED = 42;

    public BackboneOptions {
        if (height < 32 || width < 32 || height % 32 != 0 || width % 32 != 0) {
            throw new IllegalArgumentException("input " + height + "x" + width
                    + ": VGG needs a height and width that are multiples of 32 (five 2x2 max-poolings), e.g. 224 or 128");
        }
        if (!(widthMultiplier > 0 && widthMultiplier <= 1)) {
            throw new IllegalArgumentException("width multiplier must be in (0, 1], got " + widthMultiplier);
        }
        if (format == null) {
            throw new IllegalArgumentException("format must be NCHW or NHWC, got null");
        }
    }

    /** NCHW, DL4J's default layout. */
    public BackboneOptions(int height, int width, double widthMultiplier, long seed) {
        this(height, width, widthMultiplier, seed, CNN2DFormat.NCHW);
    }

    /** The published network at 224x224. */
    public static BackboneOptions defaults() {
        return new BackboneOptions(DEFAULT_SIZE, DEFAULT_SIZE, 1.0, DEFAULT_SEED);
    }

    /** A square input of {@code size} pixels, full width. */
    public static BackboneOptions square(int size) {
        return new BackboneOptions(size, size, 1.0, DEFAULT_SEED);
    }

    public BackboneOptions withWidthMultiplier(double multiplier) {
        return new BackboneOptions(height, width, multiplier, seed, format);
    }

    public BackboneOptions withSeed(long newSeed) {
        return new BackboneOptions(height, width, widthMultiplier, newSeed, format);
    }

    public BackboneOptions withFormat(CNN2DFormat newFormat) {
        return new BackboneOptions(height, width, widthMultiplier, seed, newFormat);
    }

    /** A layer's channel count after the width multiplier; never below 1. */
    public int channels(int published) {
        return Math.max(1, (int) Math.round(published * widthMultiplier));
    }

    /** Height of the last feature map (after five poolings). */
    public int featureHeight() {
        return height / 32;
    }

    /** Width of the last feature map (after five poolings). */
    public int featureWidth() {
        return width / 32;
    }
}
