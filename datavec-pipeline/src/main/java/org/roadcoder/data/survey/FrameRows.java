package org.roadcoder.data.survey;

import static org.roadcoder.data.survey.SurveyFiles.CHAINAGE_M;
import static org.roadcoder.data.survey.SurveyFiles.FRAME_ID;
import static org.roadcoder.data.survey.SurveyFiles.IMAGE;
import static org.roadcoder.data.survey.SurveyFiles.SEGMENT_ID;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.image.ImageCheck;

/** Validates frames.csv rows: ids, the segment and road they lie on, and their image files. */
final class FrameRows {

    /** A frame that passed its checks; labels are attached later. */
    record FrameRow(String frameId, String segmentId, String roadId, Path image, double chainageM, int line) {
    }

    private FrameRows() {
    }

    /**
     * @param segments the survey's segments, or {@code null} when it has no segments.csv
     */
    static List<FrameRow> parse(CsvTable table, Path surveyDir, SegmentRows.Parsed segments,
                                ReadOptions options, ValidationReport report) {
        List<FrameRow> frames = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstLine = new HashMap<>();
        FrameRoads roads = new FrameRoads(table, segments, report);
        if (table.rows().isEmpty()) {
            report.add(Problem.error(table.fileName(), 0, "", "", "no frames: the file has a header but no rows"));
        }
        for (CsvTable.Row row : table.rows()) {
            if (!LabelCells.checkWidth(table, row, report)) {
                continue;
            }
            String id = table.cell(row, FRAME_ID);
            if (id.isEmpty()) {
                report.add(Problem.error(table.fileName(), row.line(), FRAME_ID, "", "empty frame id"));
                continue;
            }
            Integer before = firstLine.putIfAbsent(id, row.line());
            if (before != null) {
                report.add(Problem.error(table.fileName(), row.line(), FRAME_ID, id,
                        "duplicate frame_id (first on line " + before + ")"));
                continue;
            }
            String segment = table.cell(row, SEGMENT_ID);
            if (segment.isEmpty()) {
                report.add(Problem.error(table.fileName(), row.line(), SEGMENT_ID, "", "empty segment id"));
                continue;
            }
            if (segments != null && !segments.valid().containsKey(segment)) {
                if (!segments.ids().contains(segment)) {
                    report.add(Problem.error(table.fileName(), row.line(), SEGMENT_ID, segment,
                            "frame points at a segment that is not in " + SurveyFiles.SEGMENTS));
                }
                continue;
            }
            String road = roads.road(row, segment, report);
            Double chainage = LabelCells.number(table, row, CHAINAGE_M, report);
            String imageCell = table.cell(row, IMAGE);
            Optional<String> imageProblem = ImageCheck.problem(surveyDir, imageCell,
                    options.decodeImages() || options.skipBadFrames());
            if (imageProblem.isPresent()) {
                Problem p = Problem.error(table.fileName(), row.line(), IMAGE, imageCell, imageProblem.get());
                if (options.skipBadFrames()) {
                    report.skipped(id, p);
                } else {
                    report.add(p);
                }
                continue;
            }
            if (chainage != null && road != null) {
                frames.add(new FrameRow(id, segment, road, ImageCheck.resolve(surveyDir, imageCell), chainage, row.line()));
            }
        }
        return frames;
    }
}
