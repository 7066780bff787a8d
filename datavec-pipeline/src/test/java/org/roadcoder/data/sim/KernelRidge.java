package org.roadcoder.data.sim;

/**
 * A tiny classifier for the learnability check: standardised, weighted features, a Gaussian kernel, ridge regression onto one-hot targets solved in closed form. No
 * training loop, no randomness.
 */
final class KernelRidge {

    private final double[][] train;
    private final double[][] alpha;
    private final double[] mean;
    private final double[] sd;
    private final double gamma;
    private final double[] weight;

    KernelRidge(double[][] x, double[] weight, int[] y, int classes, double lambda) {
        this.weight = weight;
        int n = x.length;
        int d = x[0].length;
        mean = new double[d];
        sd = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-6;
        }
        double total = 0;
        for (double v : weight) {
            total += v * v;
        }
        train = new double[n][];
        for (int i = 0; i < n; i++) {
            train[i] = standardise(x[i]);
        }
        gamma = 1.0 / total;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = k[j][i] = kernel(train[i], train[j]);
            }
            k[i][i] += lambda;
        }
        double[][] t = new double[n][classes];
        for (int i = 0; i < n; i++) {
            t[i][y[i]] = 1;
        }
        alpha = solve(k, t);
    }

    int predict(double[] x) {
        double[] s = standardise(x);
        double[] score = new double[alpha[0].length];
        for (int i = 0; i < train.length; i++) {
            double kv = kernel(s, train[i]);
            for (int c = 0; c < score.length; c++) {
                score[c] += kv * alpha[i][c];
            }
        }
        int best = 0;
        for (int c = 1; c < score.length; c++) {
            best = score[c] > score[best] ? c : best;
        }
        return best;
    }

    private double[] standardise(double[] x) {
        double[] s = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            s[j] = weight[j] * (x[j] - mean[j]) / sd[j];
        }
        return s;
    }

    private double kernel(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.exp(-gamma * d);
    }

    /** Solves K A = T for symmetric positive definite K by Cholesky. */
    private static double[][] solve(double[][] k, double[][] t) {
        int n = k.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = k[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        int c = t[0].length;
        double[][] z = new double[n][c];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < c; q++) {
                double s = t[i][q];
                for (int m = 0; m < i; m++) {
                    s -= l[i][m] * z[m][q];
                }
                z[i][q] = s / l[i][i];
            }
        }
        double[][] a = new double[n][c];
        for (int i = n - 1; i >= 0; i--) {
            for (int q = 0; q < c; q++) {
                double s = z[i][q];
                for (int m = i + 1; m < n; m++) {
                    s -= l[m][i] * a[m][q];
                }
                a[i][q] = s / l[i][i];
            }
        }
        return a;
    }
}
