package org.roadcoder.app.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.LabelMetrics;

/** {@code report.html}: one self-contained page (charts inlined as data: URIs, no external files). */
final class HtmlReport {

    private HtmlReport() {
    }

    static String of(ReportData d, Map<String, byte[]> charts, List<String> groups) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>roadcoder evaluation</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}"
                + "img{max-width:100%;border:1px solid #ddd;margin:.5em 0}</style></head><body>\n");
        h.append("<h1>roadcoder evaluation</h1>\n<table>");
        d.context().forEach((k, v) -> h.append(row(k, String.valueOf(v))));
        h.append(row("frames scored", String.valueOf(d.frameCount())))
                .append(row("segments scored", String.valueOf(d.segmentCount()))).append("</table>\n");
        h.append("<h2>Summary</h2>\n<table><tr><th>metric</th><th>model, frames</th><th>baseline, frames</th>"
                + "<th>model, segments</th><th>baseline, segments</th></tr>");
        for (String m : List.of("macro_f1", "mean_flag_f1")) {
            h.append(summaryRow(m, d));
        }
        h.append("</table>\n<p>macro_f1: mean F1 over the exclusive groups; baseline: every example gets each group's "
                + "most frequent category on the training roads. Segment scores are those of the 100-m segment codes "
                + "(mean probability per exclusive group, maximum per flag against its tuned threshold).</p>\n");
        h.append("<h2>Per group</h2>\n<table><tr><th>metric</th><th>model, frames</th><th>baseline, frames</th>"
                + "<th>model, segments</th><th>baseline, segments</th></tr>");
        for (String g : groups) {
            h.append(summaryRow("f1/" + g, d)).append(summaryRow("acc/" + g, d));
        }
        h.append("</table>\n");
        if (d.abstention() != null) {
            h.append(abstention(d.abstention()));
        }
        charts.forEach((name, png) -> h.append("<h2>").append(esc(name.replace(".png", "").replace('_', ' ')))
                .append("</h2>\n<img alt=\"").append(esc(name)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n"));
        h.append("<h2>Per output, frames</h2>\n").append(labelTable(d.frames(), d.outputNames()));
        if (d.segments() != null) {
            h.append("<h2>Per output, segments</h2>\n").append(labelTable(d.segments(), d.outputNames()));
        }
        return h.append("</body></html>\n").toString();
    }

    private static String abstention(Abstention a) {
        StringBuilder t = new StringBuilder("<h2>Review needed at target precision ").append(f(a.targetPrecision()))
                .append("</h2>\n<table><tr><th>attribute</th><th>threshold</th><th>accepted, validation</th>"
                        + "<th>needs review, here</th><th>precision of accepted, here</th></tr>");
        a.groups().forEach((g, x) -> t.append("<tr><td>").append(esc(g)).append("</td><td>")
                .append(Double.isFinite(x.threshold()) ? f(x.threshold()) : "none reaches it").append("</td><td>")
                .append(f(x.validationCoverage())).append("</td><td>").append(f(x.reviewShare())).append("</td><td>")
                .append(Double.isFinite(x.acceptedPrecision()) ? f(x.acceptedPrecision()) : "").append("</td></tr>"));
        return t.append("</table>\n<p>Confidence: the probability of the chosen category (exclusive groups: mean over "
                + "the segment's frames; flags: maximum, or one minus it when coded absent). Thresholds are tuned on the "
                + "validation roads' segments: the lowest confidence at which the accepted codes there are at least the "
                + "target precision.</p>\n").toString();
    }

    private static String summaryRow(String metric, ReportData d) {
        return "<tr><td>" + esc(metric) + "</td>" + cell(d.frames(), metric) + cell(d.frameBaseline(), metric)
                + cell(d.segments(), metric) + cell(d.segmentBaseline(), metric) + "</tr>";
    }

    private static String cell(Evaluation e, String metric) {
        return "<td>" + (e == null || !e.metrics().containsKey(metric) ? "" : f(e.metric(metric))) + "</td>";
    }

    private static String labelTable(Evaluation e, List<String> names) {
        StringBuilder t = new StringBuilder("<table><tr><th>output</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>AP</th><th>support</th><th>predicted</th></tr>");
        for (int i = 0; i < e.labels().size(); i++) {
            LabelMetrics l = e.labels().get(i);
            t.append("<tr><td>").append(esc(names.get(i))).append("</td><td>").append(f(l.precision()))
                    .append("</td><td>").append(f(l.recall())).append("</td><td>").append(f(l.f1())).append("</td><td>")
                    .append(f(l.averagePrecision())).append("</td><td>").append(l.support()).append("</td><td>")
                    .append(l.predicted()).append("</td></tr>");
        }
        return t.append("</table>\n").toString();
    }

    private static String row(String k, String v) {
        return "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>";
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
