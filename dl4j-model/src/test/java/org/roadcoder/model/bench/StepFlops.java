package org.roadcoder.model.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Floating-point work of one benchmark step, counted from the network's shapes (a multiply-add is 2
 * FLOPs; batch norm, ReLU, pooling and the updater are memory-bound and left out), and the machine's
 * peak, to say how much of the CPU each side uses.
 *
 * <p>Peak: the virtual CPU reports only "AMD EPYC" with AVX-512 (Zen 4: {@code avx512_bf16}) at a
 * nominal 2.6 GHz, which gives 2 cores x 32 float FLOPs per cycle x 2.6 GHz = 166 GFLOP/s, but its real
 * clock is higher (ND4J's own sgemm runs at ~220 GFLOP/s). So the benchmark measures the ceiling it
 * compares against: the best of a few 4096x4096 float matrix products through ND4J, in the benchmark's
 * JVM, before the cases run.
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

    /** The arithmetic ceiling: the best of three 4096x4096x4096 float matrix products through ND4J, GFLOP/s. */
    static double measuredPeakGigaflops() {
        int n = 4096;
        try (INDArray x = Nd4j.rand(DataType.FLOAT, n, n); INDArray y = Nd4j.rand(DataType.FLOAT, n, n);
                INDArray z = Nd4j.create(DataType.FLOAT, n, n)) {
            double best = 0;
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                Nd4j.gemm(x, y, z, false, false, 1.0, 0.0);
                best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - t0) / 1e9) / 1e9);
            }
            return best;
        }
    }
}
