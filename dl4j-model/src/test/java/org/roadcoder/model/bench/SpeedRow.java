package org.roadcoder.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One measured case, both sides, as a markdown table row; and the ratios over all rows. */
record SpeedRow(SpeedCase c, int batch, ChildResult dl4j, ChildResult torch, String load) {

    static final String HEADER = "| case | batch | DL4J img/s | PyTorch img/s | DL4J/PyTorch | DL4J peak MB "
            + "| PyTorch peak MB | DL4J step s (min-max) | DL4J conv helper | load 1/5/15 min before -> after |\n"
            + "|---|---|---|---|---|---|---|---|---|---|";

    double ratio() {
        return dl4j.number("images_per_s") / torch.number("images_per_s");
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |", c.id(), batch,
                number(dl4j, "images_per_s", "%.2f"), number(torch, "images_per_s", "%.2f"),
                Double.isNaN(ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio()),
                number(dl4j, "peak_mb", "%.0f"), number(torch, "peak_mb", "%.0f"),
                dl4j.ok() ? String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", dl4j.number("median_s"),
                        dl4j.number("min_s"), dl4j.number("max_s")) : "-", dl4j.text("helpers"), load);
    }

    List<String> failures() {
        List<String> out = new ArrayList<>();
        if (!dl4j.ok()) {
            out.add(c.id() + " DL4J failed: " + dl4j.failure());
        }
        if (!torch.ok() && !"off".equals(torch.failure())) {
            out.add(c.id() + " PyTorch failed: " + torch.failure());
        }
        return out;
    }

    /** Per case: the DL4J/PyTorch ratio of every repeat, and their range. */
    static String summary(List<SpeedRow> rows) {
        Map<String, List<Double>> ratios = new TreeMap<>();
        for (SpeedRow r : rows) {
            if (!Double.isNaN(r.ratio())) {
                ratios.computeIfAbsent(r.c().id(), k -> new ArrayList<>()).add(r.ratio());
            }
        }
        StringBuilder sb = new StringBuilder("DL4J/PyTorch speed ratio (above 1: DL4J faster):");
        ratios.forEach((id, list) -> sb.append(String.format(Locale.ROOT, "%n  %-18s %s", id,
                list.stream().map(x -> String.format(Locale.ROOT, "%.2fx", x)).toList())));
        if (ratios.isEmpty()) {
            sb.append(" none (PyTorch off or failed)");
        }
        return sb.toString();
    }

    private static String number(ChildResult r, String key, String format) {
        return r.ok() ? String.format(Locale.ROOT, format, r.number(key)) : "failed";
    }
}
