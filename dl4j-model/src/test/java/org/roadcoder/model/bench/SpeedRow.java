package org.roadcoder.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * One measured case, both sides: step times, peak memory, the load around it; printed as a markdown
 * table row. The ratio is the median over step pairs of PyTorch's time over DL4J's (above 1: DL4J faster).
 */
record SpeedRow(SpeedCase c, CNN2DFormat format, int batch, double[] dl4jSeconds, double[] torchSeconds,
        ChildResult dl4j, ChildResult torch, String load) {

    static final String HEADER = "| case | DL4J layout | batch | DL4J img/s | PyTorch img/s | DL4J/PyTorch (pairs min-max) "
            + "| DL4J peak MB | PyTorch peak MB | DL4J step s (min-max) | DL4J conv helper, threads | load 1/5/15 before -> after |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|";

    double dl4jImagesPerSecond() {
        return (double) batch * c.passes() / median(dl4jSeconds);
    }

    double torchImagesPerSecond() {
        return (double) batch * c.passes() / median(torchSeconds);
    }

    double[] pairRatios() {
        double[] r = new double[dl4jSeconds.length];
        Arrays.setAll(r, i -> torchSeconds[i] / dl4jSeconds[i]);
        return r;
    }

    double ratio() {
        return median(pairRatios());
    }

    String markdown() {
        double[] pairs = pairRatios();
        return String.join(" | ", "| " + c.id(), format.name(), String.valueOf(batch), f("%.2f", dl4jImagesPerSecond()),
                f("%.2f", torchImagesPerSecond()), Double.isNaN(ratio()) ? "-"
                        : f("%.2fx", ratio()) + f(" (%.2f-", min(pairs)) + f("%.2f)", max(pairs)),
                f("%.0f", dl4j.number("peak_mb")), f("%.0f", torch.number("peak_mb")),
                f("%.2f", median(dl4jSeconds)) + f(" (%.2f-", min(dl4jSeconds)) + f("%.2f)", max(dl4jSeconds)),
                dl4j.ok() ? dl4j.text("helpers") + ", " + dl4j.text("threads") : "-", load + " |");
    }

    /** One number, or "-" where a side failed. */
    private static String f(String format, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    List<String> failures() {
        List<String> out = new ArrayList<>();
        if (!dl4j.ok()) {
            out.add(c.id() + " DL4J " + format + " failed: " + dl4j.failure());
        }
        if (!torch.ok() && !"off".equals(torch.failure())) {
            out.add(c.id() + " PyTorch failed: " + torch.failure());
        }
        return out;
    }

    /** Per case and layout: the DL4J/PyTorch ratio of every repeat. */
    static String summary(List<SpeedRow> rows) {
        Map<String, List<String>> ratios = new LinkedHashMap<>();
        for (SpeedRow r : rows) {
            if (!Double.isNaN(r.ratio())) {
                ratios.computeIfAbsent(r.c().id() + " " + r.format(), k -> new ArrayList<>())
                        .add(String.format(Locale.ROOT, "%.2fx", r.ratio()));
            }
        }
        StringBuilder sb = new StringBuilder("DL4J/PyTorch speed ratio per run (above 1: DL4J faster):");
        ratios.forEach((id, list) -> sb.append(String.format(Locale.ROOT, "%n  %-25s %s", id, list)));
        return ratios.isEmpty() ? sb.append(" none (PyTorch off or failed)").toString() : sb.toString();
    }

    /** Median; NaN if any value is NaN (a side that failed). */
    static double median(double[] values) {
        if (values.length == 0 || Arrays.stream(values).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
