package org.roadcoder.model.bench;

import java.util.Locale;

/**
 * Floating-point work of one benchmark step, counted from the network's shapes (a multiply-add is 2
 * FLOPs; batch norm, ReLU, pooling and the updater are memory-bound and left out), and the machine's
 * peak, to say how much of the CPU each side uses.
 *
 * <p>Peak: this build machine is an AMD EPYC with AVX-512 (Zen 4, {@code avx512_bf16} in cpuinfo):
 * two 256-bit FMA pipes per core, AVX-512 instructions split over them, so 2 x 8 x 2 = 32 float FLOPs
 * per cycle per core; 2 cores at the clock {@code /proc/cpuinfo} reports.
 */
final class StepFlops {

    private static final int OUTPUTS = 28;
    private static final int STOCK_HIDDEN = 4096;
    private static final int STOCK_CLASSES = 1000;

    private StepFlops() {
    }

    /** FLOPs of one image through the case's step: forward, or forward and backward for training. */
    static double perImage(SpeedCase c) {
        double forward = 0;
        double firstConvForward = 0;
        int size = c.size();
        int channels = 3;
        for (int entry : c.backbone().layerList()) {
            if (entry < 0) {
                size /= 2;
                continue;
            }
            int out = Math.max(1, (int) Math.round(entry * c.width()));
            double conv = 2.0 * channels * out * 9 * size * size;
            if (firstConvForward == 0) {
                firstConvForward = conv;
            }
            forward += conv;
            channels = out;
        }
        double features = (double) channels * size * size;
        forward += c.stock() ? 2.0 * (features * STOCK_HIDDEN + STOCK_HIDDEN * STOCK_HIDDEN + STOCK_HIDDEN * STOCK_CLASSES)
                : 2.0 * (features * c.hidden() + (double) c.hidden() * c.hidden() + c.hidden() * OUTPUTS);
        // backward: the gradient of every weight (as much work as forward) and of every layer's input,
        // except the first convolution's (the image needs no gradient)
        return c.training() ? 3 * forward - firstConvForward : forward;
    }

    /** GFLOP/s of a side that ran {@code batch} images per step in {@code seconds}. */
    static double gigaflops(SpeedCase c, int batch, double seconds) {
        return perImage(c) * batch / seconds / 1e9;
    }

    /** The machine's float32 peak, GFLOP/s (see the class comment); NaN where the clock is unknown. */
    static double peakGigaflops() {
        try {
            double mhz = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("cpu MHz")).mapToDouble(l -> Double.parseDouble(l.split(":")[1].trim()))
                    .max().orElse(Double.NaN);
            return Runtime.getRuntime().availableProcessors() * 32 * mhz / 1000;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String describePeak() {
        return String.format(Locale.ROOT, "%.0f GFLOP/s (%d cores x 32 float FLOPs/cycle, AVX-512 on Zen 4's "
                + "two 256-bit FMA pipes)", peakGigaflops(), Runtime.getRuntime().availableProcessors());
    }
}
