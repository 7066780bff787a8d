package org.roadcoder.data.survey;

import static org.roadcoder.data.survey.SurveyFiles.ROAD_ID;
import static org.roadcoder.data.survey.SurveyFiles.SEGMENT_ID;

import java.util.HashMap;
import java.util.Map;
import org.roadcoder.data.csv.CsvTable;

/**
 * The road of each frame. A segment in segments.csv gives it; frames.csv's optional {@code road_id}
 * must then agree (an empty cell takes the segment's road). Without segments.csv the {@code road_id}
 * column gives it, one road per segment. With neither, every frame is on {@link SurveyFiles#UNKNOWN_ROAD}
 * and the survey is warned about once.
 */
final class FrameRoads {

    private record Seen(String road, int line) {
    }

    private final CsvTable frames;
    private final SegmentRows.Parsed segments;
    private final boolean column;
    private final Map<String, Seen> bySegment = new HashMap<>();

    FrameRoads(CsvTable frames, SegmentRows.Parsed segments, ValidationReport report) {
        this.frames = frames;
        this.segments = segments;
        this.column = frames.hasColumn(ROAD_ID);
        if (segments == null && !column) {
            report.add(Problem.warning(frames.fileName(), frames.headerLine(), ROAD_ID, "",
                    "no road ids: " + frames.fileName() + " has no road_id column and there is no "
                            + SurveyFiles.SEGMENTS + ", so every frame is on road '" + SurveyFiles.UNKNOWN_ROAD
                            + "' (segment codes say so); add a road_id column for real road ids"));
        }
    }

    /** The road of the frame on {@code row} in {@code segment}, or {@code null} after reporting why none. */
    String road(CsvTable.Row row, String segment, ValidationReport report) {
        String given = column ? frames.cell(row, ROAD_ID) : "";
        if (segments != null) {
            SegmentInfo info = segments.valid().get(segment);
            if (!given.isEmpty() && !given.equals(info.roadId())) {
                report.add(Problem.error(frames.fileName(), row.line(), ROAD_ID, given, "differs from road '"
                        + info.roadId() + "' of segment '" + segment + "' (" + SurveyFiles.SEGMENTS + " line "
                        + info.line() + ")"));
                return null;
            }
            return info.roadId();
        }
        if (!column) {
            return SurveyFiles.UNKNOWN_ROAD;
        }
        if (given.isEmpty()) {
            report.add(Problem.error(frames.fileName(), row.line(), ROAD_ID, "",
                    "empty road id (there is no " + SurveyFiles.SEGMENTS + " to take it from)"));
            return null;
        }
        Seen first = bySegment.putIfAbsent(segment, new Seen(given, row.line()));
        if (first != null && !first.road().equals(given)) {
            report.add(Problem.error(frames.fileName(), row.line(), ROAD_ID, given, "segment '" + segment
                    + "' is on road '" + first.road() + "' on line " + first.line() + "; a segment lies on one road"));
            return null;
        }
        return given;
    }
}
