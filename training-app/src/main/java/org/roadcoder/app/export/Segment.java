package org.roadcoder.app.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** One coded segment as read from {@code segment_codes.csv} or {@code segments.csv}. */
record Segment(String segmentId, String roadId, double startM, double endM, Map<String, Category> categories,
               int line) {

    static List<Segment> read(LabelSchema schema, CsvFile codes) {
        int id = codes.require("segment_id");
        int road = codes.require("road_id");
        int start = codes.require("start_m");
        int end = codes.require("end_m");
        Map<LabelGroup, Integer> columns = new LinkedHashMap<>();
        schema.groups().forEach(g -> columns.put(g, codes.require(g.name())));
        List<Segment> segments = new ArrayList<>();
        for (CsvFile.Row row : codes.rows()) {
            Map<String, Category> categories = new LinkedHashMap<>();
            columns.forEach((g, col) -> {
                String value = CsvFile.cell(row, col);
                categories.put(g.name(), g.resolve(value).orElseThrow(() -> codes.error(row, g.name(),
                        "'" + value + "' is not a category of " + g.name() + " (expected " + g.allowedValues() + ")")));
            });
            segments.add(new Segment(CsvFile.cell(row, id), CsvFile.cell(row, road), number(codes, row, "start_m", start),
                    number(codes, row, "end_m", end), categories, row.line()));
        }
        return segments;
    }

    private static double number(CsvFile codes, CsvFile.Row row, String name, int col) {
        String v = CsvFile.cell(row, col);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw codes.error(row, name, "'" + v + "' is not a number of metres");
        }
    }
}
