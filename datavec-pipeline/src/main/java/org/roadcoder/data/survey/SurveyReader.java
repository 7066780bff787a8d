package org.roadcoder.data.survey;

import static org.roadcoder.data.survey.SurveyFiles.FRAME_ID;
import static org.roadcoder.data.survey.SurveyFiles.SEGMENT_ID;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadcoder.data.DataException;
import org.roadcoder.data.csv.CsvError;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** Reads a survey folder: validates every file against the data contract, then encodes the labels. */
final class SurveyReader {

    private SurveyReader() {
    }

    static Survey read(Path dir, LabelSchema schema, ReadOptions options) {
        Path base = realDir(dir);
        ValidationReport report = new ValidationReport(dir);
        CsvTable frames = table(base.resolve(SurveyFiles.FRAMES), report);
        Path segmentsFile = base.resolve(SurveyFiles.SEGMENTS);
        boolean withSegments = options.labels() == LabelSource.SEGMENTS || Files.exists(segmentsFile);
        CsvTable segments = withSegments ? table(segmentsFile, report) : null;
        if (frames == null || withSegments && segments == null) {
            return invalid(dir, schema, options, report);
        }
        boolean columnsOk = LabelCells.requireColumns(frames, SurveyFiles.FRAME_COLUMNS, report);
        LabelCells.warnUnknownColumns(frames, SurveyFiles.FRAME_COLUMNS_KNOWN, report);
        if (segments != null) {
            columnsOk &= LabelCells.requireColumns(segments, SurveyFiles.segmentColumns(schema), report);
            LabelCells.warnUnknownColumns(segments, SurveyFiles.segmentColumnsKnown(schema), report);
        }
        if (!columnsOk) {
            return invalid(dir, schema, options, report);
        }
        SegmentRows.Parsed parsed = segments == null ? null : SegmentRows.parse(segments, schema, report);
        Map<String, SegmentInfo> segmentInfo = parsed == null ? null : parsed.valid();
        List<FrameRows.FrameRow> frameRows = FrameRows.parse(frames, base, parsed, options, report);
        if (segmentInfo != null) {
            warnEmptySegments(segments, segmentInfo, frameRows, report);
        }
        CsvTable truth = null;
        if (options.labels() == LabelSource.FRAME_TRUTH) {
            truth = table(base.resolve(SurveyFiles.FRAMES_TRUTH), report);
            if (truth != null && LabelCells.requireColumns(truth, SurveyFiles.truthColumns(schema), report)) {
                LabelCells.warnUnknownColumns(truth, SurveyFiles.truthColumns(schema), report);
                checkTruth(truth, schema, frameRows, report);
            }
        }
        if (!report.isValid()) {
            return invalid(dir, schema, options, report);
        }
        List<SurveyFrame> out = attachLabels(schema, options.labels(), frameRows, segments, truth);
        List<SegmentInfo> segs = segmentInfo == null ? List.of() : List.copyOf(segmentInfo.values());
        return new Survey(dir, schema, options.labels(), out, segs, report);
    }

    private static List<SurveyFrame> attachLabels(LabelSchema schema, LabelSource source, List<FrameRows.FrameRow> rows,
                                                  CsvTable segments, CsvTable truth) {
        Map<String, float[]> labels = switch (source) {
            case SEGMENTS -> LabelEncoding.joinLabels(schema, keys(rows, false), labelRows(segments, SEGMENT_ID, schema),
                    SEGMENT_ID);
            case FRAME_TRUTH -> LabelEncoding.joinLabels(schema, keys(rows, true), labelRows(truth, FRAME_ID, schema),
                    FRAME_ID);
            case NONE -> Map.of();
        };
        List<SurveyFrame> out = new ArrayList<>(rows.size());
        for (FrameRows.FrameRow r : rows) {
            float[] v = source == LabelSource.NONE ? new float[0] : labels.get(r.frameId());
            if (v == null) {
                throw new IllegalStateException("join lost frame " + r.frameId());
            }
            out.add(new SurveyFrame(r.frameId(), r.segmentId(), r.roadId(), r.image(), r.chainageM(), r.line(), v));
        }
        return out;
    }

    private static List<String[]> keys(List<FrameRows.FrameRow> rows, boolean byFrame) {
        List<String[]> keys = new ArrayList<>(rows.size());
        rows.forEach(r -> keys.add(new String[] {r.frameId(), byFrame ? r.frameId() : r.segmentId()}));
        return keys;
    }

    private static List<List<String>> labelRows(CsvTable table, String key, LabelSchema schema) {
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>(schema.groups().size() + 1);
            cells.add(table.cell(row, key));
            for (LabelGroup g : schema.groups()) {
                cells.add(LabelCells.canonical(g, table.cell(row, g.name())));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static void checkTruth(CsvTable truth, LabelSchema schema, List<FrameRows.FrameRow> frames,
                                   ValidationReport report) {
        Set<String> frameIds = new HashSet<>();
        frames.forEach(f -> frameIds.add(f.frameId()));
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : truth.rows()) {
            if (!LabelCells.checkWidth(truth, row, report)) {
                continue;
            }
            String id = truth.cell(row, FRAME_ID);
            if (!seen.add(id)) {
                report.add(Problem.error(truth.fileName(), row.line(), FRAME_ID, id, "duplicate frame_id"));
            }
            LabelCells.resolve(truth, row, schema, report);
        }
        for (FrameRows.FrameRow f : frames) {
            if (!seen.contains(f.frameId())) {
                report.add(Problem.error(truth.fileName(), 0, FRAME_ID, f.frameId(),
                        "frame (frames.csv line " + f.line() + ") has no row in " + SurveyFiles.FRAMES_TRUTH));
            }
        }
    }

    private static void warnEmptySegments(CsvTable segments, Map<String, SegmentInfo> info,
                                          List<FrameRows.FrameRow> frames, ValidationReport report) {
        Set<String> used = new HashSet<>();
        frames.forEach(f -> used.add(f.segmentId()));
        for (SegmentInfo s : info.values()) {
            if (!used.contains(s.segmentId())) {
                report.add(Problem.warning(segments.fileName(), s.line(), SEGMENT_ID, s.segmentId(),
                        "segment has no frames"));
            }
        }
    }

    /** The CSV file as a table, or {@code null} after reporting why it cannot be read as one. */
    private static CsvTable table(Path file, ValidationReport report) {
        try {
            return CsvTable.read(file);
        } catch (CsvError e) {
            report.add(Problem.error(file.getFileName().toString(), e.line(), e.column(), e.value(), e.problem()));
            return null;
        }
    }

    private static Survey invalid(Path dir, LabelSchema schema, ReadOptions options, ValidationReport report) {
        return new Survey(dir, schema, options.labels(), List.of(), List.of(), report);
    }

    private static Path realDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "survey folder not found");
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new DataException(dir, "cannot open survey folder: " + e.getMessage(), e);
        }
    }
}
