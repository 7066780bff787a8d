package org.roadcoder.model.segment;

import java.util.Arrays;

/**
 * The arithmetic of {@link FramePooling}, forward and backward, in double precision on one segment's
 * frame logits (rows = frames). Probabilities that the logit form cannot carry (0 or 1) are kept a
 * hair inside (0, 1), where the gradient is then 0.
 */
final class PoolingMath {

    /** Smallest distance from 0 and 1 of a pooled probability turned back into a logit. */
    static final double EDGE = 1e-9;

    private PoolingMath() {
    }

    static void check(int[] blockSizes, double[][] z) {
        if (z.length == 0) {
            throw new IllegalArgumentException("a segment needs at least one frame");
        }
        int width = Arrays.stream(blockSizes).sum();
        for (double[] row : z) {
            if (row.length != width) {
                throw new IllegalArgumentException("frame rows must have " + width + " outputs, got " + row.length);
            }
        }
    }

    static void flagForward(FramePooling p, double[][] z, int c, double[] out) {
        int n = z.length;
        switch (p.flags()) {
            case MAX -> out[c] = z[argmax(z, c)][c];
            case LSE -> {
                double m = z[argmax(z, c)][c];
                double r = p.temperature();
                double sum = 0;
                for (double[] row : z) {
                    sum += Math.exp(r * (row[c] - m));
                }
                out[c] = m + Math.log(sum / n) / r;
            }
            case NOISY_OR -> {
                double s = Math.max(sumSoftplus(z, c), 1e-300);
                out[c] = s + Math.log(-Math.expm1(-s));
            }
            case LINEAR_SOFTMAX -> out[c] = logit(clamp(linearSoftmax(z, c)));
        }
    }

    static void flagBackward(FramePooling p, double[][] z, int c, double g, double[][] grad) {
        int n = z.length;
        switch (p.flags()) {
            case MAX -> grad[argmax(z, c)][c] = g;
            case LSE -> {
                double m = z[argmax(z, c)][c];
                double r = p.temperature();
                double[] w = new double[n];
                double sum = 0;
                for (int t = 0; t < n; t++) {
                    w[t] = Math.exp(r * (z[t][c] - m));
                    sum += w[t];
                }
                for (int t = 0; t < n; t++) {
                    grad[t][c] = g * w[t] / sum;
                }
            }
            case NOISY_OR -> {
                double s = Math.max(sumSoftplus(z, c), 1e-300);
                double scale = g / -Math.expm1(-s);
                for (int t = 0; t < n; t++) {
                    grad[t][c] = scale * sigmoid(z[t][c]);
                }
            }
            case LINEAR_SOFTMAX -> {
                double pooled = linearSoftmax(z, c);
                if (pooled != clamp(pooled)) {
                    return;
                }
                double sp = 0;
                for (double[] row : z) {
                    sp += sigmoid(row[c]);
                }
                double outer = g / (pooled * (1 - pooled)) / sp;
                for (int t = 0; t < n; t++) {
                    double q = sigmoid(z[t][c]);
                    grad[t][c] = outer * (2 * q - pooled) * q * (1 - q);
                }
            }
        }
    }

    static void blockForward(FramePooling.Exclusive kind, double[][] z, int offset, int size, double[] out) {
        int n = z.length;
        if (kind == FramePooling.Exclusive.MEAN_LOGITS) {
            for (int k = offset; k < offset + size; k++) {
                double sum = 0;
                for (double[] row : z) {
                    sum += row[k];
                }
                out[k] = sum / n;
            }
            return;
        }
        double[] mean = new double[size];
        for (double[] row : z) {
            double[] p = softmax(row, offset, size);
            for (int k = 0; k < size; k++) {
                mean[k] += p[k] / n;
            }
        }
        for (int k = 0; k < size; k++) {
            out[offset + k] = Math.log(Math.max(mean[k], 1e-300));
        }
    }

    static void blockBackward(FramePooling.Exclusive kind, double[][] z, int offset, int size, double[] g,
            double[][] grad) {
        int n = z.length;
        if (kind == FramePooling.Exclusive.MEAN_LOGITS) {
            for (double[] row : grad) {
                for (int k = offset; k < offset + size; k++) {
                    row[k] = g[k] / n;
                }
            }
            return;
        }
        double[][] p = new double[n][];
        double[] mean = new double[size];
        for (int t = 0; t < n; t++) {
            p[t] = softmax(z[t], offset, size);
            for (int k = 0; k < size; k++) {
                mean[k] += p[t][k] / n;
            }
        }
        double[] h = new double[size];
        for (int k = 0; k < size; k++) {
            h[k] = g[offset + k] / Math.max(mean[k], 1e-300);
        }
        for (int t = 0; t < n; t++) {
            double a = 0;
            for (int k = 0; k < size; k++) {
                a += h[k] * p[t][k];
            }
            for (int k = 0; k < size; k++) {
                grad[t][offset + k] = p[t][k] * (h[k] - a) / n;
            }
        }
    }

    /** Logits with these probabilities; {@link #activate} inverts it (up to rounding near 0 and 1). */
    static double[] toLogits(int[] blockSizes, double[] p) {
        double[] z = new double[p.length];
        int offset = 0;
        for (int size : blockSizes) {
            for (int k = offset; k < offset + size; k++) {
                double q = Math.min(Math.max(p[k], 1e-30), 1 - 1e-16);
                z[k] = size == 1 ? logit(q) : Math.log(q);
            }
            offset += size;
        }
        return z;
    }

    /**
     * Where the pooling is the maximum probability (flags) or the mean probability (blocks), puts the
     * exact value in {@code pooled}, so that a threshold equal to a frame's probability decides as it
     * would on that frame, however logits round.
     */
    static void exactFrameDefault(FramePooling p, int[] blockSizes, double[][] probabilities, double[] pooled) {
        int offset = 0;
        for (int i = 0; i < blockSizes.length; i++) {
            int size = blockSizes[i];
            FramePooling block = p.of(i);
            for (int k = offset; k < offset + size; k++) {
                boolean max = size == 1 && block.flags() == FramePooling.Flags.MAX;
                boolean mean = size > 1 && block.exclusive() == FramePooling.Exclusive.MEAN_PROBS;
                if (max || mean) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (double[] row : probabilities) {
                        acc = max ? Math.max(acc, row[k]) : acc + row[k];
                    }
                    pooled[k] = max ? acc : acc / probabilities.length;
                }
            }
            offset += size;
        }
    }

    /** The grouped activation in double: sigmoid on flags, softmax within blocks. */
    static double[] activate(int[] blockSizes, double[] z) {
        double[] p = new double[z.length];
        int offset = 0;
        for (int size : blockSizes) {
            if (size == 1) {
                p[offset] = sigmoid(z[offset]);
            } else {
                System.arraycopy(softmax(z, offset, size), 0, p, offset, size);
            }
            offset += size;
        }
        return p;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    static double clamp(double p) {
        return Math.min(Math.max(p, EDGE), 1 - EDGE);
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double sumSoftplus(double[][] z, int c) {
        double s = 0;
        for (double[] row : z) {
            s += softplus(row[c]);
        }
        return s;
    }

    private static double linearSoftmax(double[][] z, int c) {
        double sp = 0;
        double sp2 = 0;
        for (double[] row : z) {
            double q = sigmoid(row[c]);
            sp += q;
            sp2 += q * q;
        }
        return sp > 0 ? sp2 / sp : 0;
    }

    private static int argmax(double[][] z, int c) {
        int best = 0;
        for (int t = 1; t < z.length; t++) {
            if (z[t][c] > z[best][c]) {
                best = t;
            }
        }
        return best;
    }

    static double[] softmax(double[] row, int offset, int size) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            m = Math.max(m, row[offset + k]);
        }
        double[] e = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            e[k] = Math.exp(row[offset + k] - m);
            sum += e[k];
        }
        for (int k = 0; k < size; k++) {
            e[k] /= sum;
        }
        return e;
    }
}
