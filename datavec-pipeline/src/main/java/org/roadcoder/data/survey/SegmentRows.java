package org.roadcoder.data.survey;

import static org.roadcoder.data.survey.SurveyFiles.END_M;
import static org.roadcoder.data.survey.SurveyFiles.ROAD_ID;
import static org.roadcoder.data.survey.SurveyFiles.SEGMENT_ID;
import static org.roadcoder.data.survey.SurveyFiles.START_M;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.schema.LabelSchema;

/** Validates segments.csv rows into {@link SegmentInfo}s keyed by segment id. */
final class SegmentRows {

    /**
     * @param valid the segments that passed every check, by id
     * @param ids   every segment id in the file, valid or not (a frame pointing at an invalid segment
     *              is not reported again)
     */
    record Parsed(Map<String, SegmentInfo> valid, Set<String> ids) {
    }

    private SegmentRows() {
    }

    static Parsed parse(CsvTable table, LabelSchema schema, ValidationReport report) {
        Map<String, SegmentInfo> segments = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        if (table.rows().isEmpty()) {
            report.add(Problem.error(table.fileName(), 0, "", "", "no segments: the file has a header but no rows"));
        }
        for (CsvTable.Row row : table.rows()) {
            if (!LabelCells.checkWidth(table, row, report)) {
                continue;
            }
            String id = table.cell(row, SEGMENT_ID);
            String road = table.cell(row, ROAD_ID);
            if (id.isEmpty()) {
                report.add(Problem.error(table.fileName(), row.line(), SEGMENT_ID, "", "empty segment id"));
                continue;
            }
            Integer before = firstLine.putIfAbsent(id, row.line());
            if (before != null) {
                report.add(Problem.error(table.fileName(), row.line(), SEGMENT_ID, id,
                        "duplicate segment_id (first on line " + before + ")"));
                continue;
            }
            if (road.isEmpty()) {
                report.add(Problem.error(table.fileName(), row.line(), ROAD_ID, "", "empty road id"));
            }
            Double start = LabelCells.number(table, row, START_M, report);
            Double end = LabelCells.number(table, row, END_M, report);
            if (start != null && end != null && end <= start) {
                report.add(Problem.error(table.fileName(), row.line(), END_M, table.cell(row, END_M),
                        "end_m must be greater than start_m (" + table.cell(row, START_M) + ")"));
            }
            List<String> categories = LabelCells.resolve(table, row, schema, report);
            if (categories != null && start != null && end != null && !road.isEmpty()) {
                segments.put(id, new SegmentInfo(id, road, start, end, row.line(), categories));
            }
        }
        return new Parsed(segments, firstLine.keySet());
    }
}
