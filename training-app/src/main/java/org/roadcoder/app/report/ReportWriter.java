package org.roadcoder.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.metrics.LabelMetrics;

/** Writes an evaluation's files: metrics.json, the PNG charts, and report.html with the charts inside. */
public final class ReportWriter {

    public static final String METRICS = "metrics.json";
    public static final String REPORT = "report.html";

    private ReportWriter() {
    }

    public static void write(ReportData d, LabelSchema schema, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Map<String, byte[]> charts = new LinkedHashMap<>();
        charts.put("precision_recall_frames.png", Charts.precisionRecall(d.frames().labels(), d.outputNames(),
                "precision vs recall, frames (dot area ~ positives)"));
        if (d.segments() != null) {
            charts.put("precision_recall_segments.png", Charts.precisionRecall(d.segments().labels(), d.outputNames(),
                    "precision vs recall, 100-m segments (dot area ~ positives)"));
        }
        List<Long> counts = new ArrayList<>();
        for (LabelMetrics l : d.frames().labels()) {
            counts.add(l.support());
        }
        charts.put("label_counts.png", Charts.labelCounts(d.outputNames(), counts, "frames per label"));
        for (Confusion c : d.confusions()) {
            LabelGroup g = schema.requireGroup(c.group());
            charts.put("confusion_" + c.group() + ".png", Charts.confusion(c, g.categoryNames()));
        }
        if (d.abstention() != null) {
            d.abstention().groups().forEach((g, x) -> charts.put("coverage_precision_" + g + ".png",
                    Charts.coveragePrecision(g, x, d.abstention().targetPrecision())));
        }
        charts.forEach((name, png) -> AtomicFiles.write(dir.resolve(name), tmp -> Files.write(tmp, png)));
        AtomicFiles.writeString(dir.resolve(METRICS), MetricsJson.of(d));
        List<String> groups = schema.groups().stream().map(LabelGroup::name).toList();
        AtomicFiles.writeString(dir.resolve(REPORT), HtmlReport.of(d, charts, groups));
    }

    /** Names of the exclusive groups, whose confusion matrices the report draws. */
    static List<String> exclusive(LabelSchema schema) {
        return schema.groups().stream().filter(g -> g.kind() == GroupKind.EXCLUSIVE).map(LabelGroup::name).toList();
    }
}
