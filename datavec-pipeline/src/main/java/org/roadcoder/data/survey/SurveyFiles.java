package org.roadcoder.data.survey;

import java.util.ArrayList;
import java.util.List;
import org.roadcoder.data.schema.LabelSchema;

/** File and column names of the survey data contract (DESIGN.md, "Survey data contract"). */
public final class SurveyFiles {

    public static final String FRAMES = "frames.csv";
    public static final String SEGMENTS = "segments.csv";
    public static final String FRAMES_TRUTH = "frames_truth.csv";

    public static final String FRAME_ID = "frame_id";
    public static final String SEGMENT_ID = "segment_id";
    public static final String IMAGE = "image";
    public static final String CHAINAGE_M = "chainage_m";
    public static final String ROAD_ID = "road_id";
    public static final String START_M = "start_m";
    public static final String END_M = "end_m";

    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";

    /** The road of frames whose survey names none (no road_id column in frames.csv, no segments.csv). */
    public static final String UNKNOWN_ROAD = "unknown";

    /** Required columns of frames.csv ({@code road_id}, {@code latitude}, {@code longitude} are optional). */
    public static final List<String> FRAME_COLUMNS = List.of(FRAME_ID, SEGMENT_ID, IMAGE, CHAINAGE_M);

    /** Every column frames.csv may have. */
    public static final List<String> FRAME_COLUMNS_KNOWN = List.of(FRAME_ID, SEGMENT_ID, IMAGE, CHAINAGE_M, ROAD_ID,
            LATITUDE, LONGITUDE);

    private SurveyFiles() {
    }

    /** Required columns of segments.csv: ids, chainages, then one column per label group. */
    public static List<String> segmentColumns(LabelSchema schema) {
        List<String> cols = new ArrayList<>(List.of(SEGMENT_ID, ROAD_ID, START_M, END_M));
        cols.addAll(schema.groupNames());
        return cols;
    }

    /**
     * Every column segments.csv may have: the required ones and, per group, the {@code <group>_irap}
     * and {@code <group>_score} columns that {@code predict}'s segment codes add.
     */
    public static List<String> segmentColumnsKnown(LabelSchema schema) {
        List<String> cols = segmentColumns(schema);
        schema.groupNames().forEach(g -> cols.add(g + "_irap"));
        schema.groupNames().forEach(g -> cols.add(g + "_score"));
        return cols;
    }

    /** Required columns of frames_truth.csv: the frame id, then one column per label group. */
    public static List<String> truthColumns(LabelSchema schema) {
        List<String> cols = new ArrayList<>(List.of(FRAME_ID));
        cols.addAll(schema.groupNames());
        return cols;
    }
}
