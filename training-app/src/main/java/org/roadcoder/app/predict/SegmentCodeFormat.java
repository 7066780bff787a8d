package org.roadcoder.app.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.confidence.Confidence;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.SegmentInfo;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.SegmentCode;

/**
 * {@code segment_codes.csv}: the coders' {@code segments.csv} columns (category names, so the file
 * reads back as a survey's labels), then each group's iRAP code, then each group's confidence, then whether
 * each group's code is {@code accepted} or needs {@code review} at the run's acceptance thresholds.
 */
final class SegmentCodeFormat {

    private final LabelSchema schema;
    private final OutputLayout layout;
    private final Acceptance acceptance;

    SegmentCodeFormat(LabelSchema schema, OutputLayout layout, Acceptance acceptance) {
        this.schema = schema;
        this.layout = layout;
        this.acceptance = acceptance;
    }

    List<String> header() {
        List<String> cols = new ArrayList<>(List.of("segment_id", "road_id", "start_m", "end_m"));
        cols.addAll(schema.groupNames());
        schema.groupNames().forEach(g -> cols.add(g + "_irap"));
        schema.groupNames().forEach(g -> cols.add(g + "_score"));
        schema.groupNames().forEach(g -> cols.add(g + "_status"));
        return cols;
    }

    /** @param info the segment as segments.csv describes it; its road and chainages are copied */
    List<String> row(SegmentInfo info, SegmentCode code) {
        List<String> cells = new ArrayList<>(List.of(info.segmentId(), info.roadId(), number(info.startM()),
                number(info.endM())));
        List<String> codes = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        List<String> status = new ArrayList<>();
        for (OutputLayout.Block b : layout.blocks()) {
            status.add(acceptance.status(b.name(), Confidence.of(b, code)));
        }
        for (LabelGroup g : schema.groups()) {
            Category c = category(g, code.category(g.name()));
            cells.add(c.name());
            codes.add(c.primaryCode());
            scores.add(String.format(Locale.ROOT, "%.4f", code.scores().get(g.name())));
        }
        cells.addAll(codes);
        cells.addAll(scores);
        cells.addAll(status);
        return cells;
    }

    /** The category a coded value means: an exclusive group's index, or a flag's 1 (positive) / 0. */
    static Category category(LabelGroup g, int value) {
        if (g.kind() == GroupKind.FLAG) {
            return g.categories().get(value == 1 ? g.positive() : 1 - g.positive());
        }
        return g.categories().get(value);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
