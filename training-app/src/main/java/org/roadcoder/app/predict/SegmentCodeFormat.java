package org.roadcoder.app.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.SegmentInfo;
import org.roadcoder.model.segment.SegmentCode;

/**
 * {@code segment_codes.csv}: the coders' {@code segments.csv} columns (category names, so the file
 * reads back as a survey's labels), then each group's iRAP code, then each group's confidence.
 */
final class SegmentCodeFormat {

    private final LabelSchema schema;

    SegmentCodeFormat(LabelSchema schema) {
        this.schema = schema;
    }

    List<String> header() {
        List<String> cols = new ArrayList<>(List.of("segment_id", "road_id", "start_m", "end_m"));
        cols.addAll(schema.groupNames());
        schema.groupNames().forEach(g -> cols.add(g + "_irap"));
        schema.groupNames().forEach(g -> cols.add(g + "_score"));
        return cols;
    }

    /** @param info the segment as segments.csv describes it; its road and chainages are copied */
    List<String> row(SegmentInfo info, SegmentCode code) {
        List<String> cells = new ArrayList<>(List.of(info.segmentId(), info.roadId(), number(info.startM()),
                number(info.endM())));
        List<String> codes = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (LabelGroup g : schema.groups()) {
            Category c = category(g, code.category(g.name()));
            cells.add(c.name());
            codes.add(c.primaryCode());
            scores.add(String.format(Locale.ROOT, "%.4f", code.scores().get(g.name())));
        }
        cells.addAll(codes);
        cells.addAll(scores);
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
