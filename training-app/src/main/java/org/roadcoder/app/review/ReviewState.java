package org.roadcoder.app.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.DataException;
import org.roadcoder.data.csv.CsvWriter;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * The review: every coded segment, the coder's decisions so far, and the reviewed {@code segments.csv}
 * (survey contract plus {@code <group>_coded_by}), rewritten whole and atomically after every decision.
 */
final class ReviewState {

    private final LabelSchema schema;
    private final Path out;
    private final Map<String, ReviewSegment> segments;
    private final List<Path> images;

    private ReviewState(LabelSchema schema, Path out, Map<String, ReviewSegment> segments, List<Path> images) {
        this.schema = schema;
        this.out = out;
        this.segments = segments;
        this.images = images;
    }

    /** Reads the codes and the survey's frames; resumes the decisions already in {@code out}, if it exists. */
    static ReviewState open(LabelSchema schema, Path codes, Path survey, Path out) {
        ReviewFrames frames = ReviewFrames.read(survey);
        Map<String, ReviewSegment> segments = ReviewCodes.read(schema, CsvFile.read(codes), frames);
        ReviewState state = new ReviewState(schema, out, segments, frames.images());
        if (Files.isRegularFile(out)) {
            state.resume(CsvFile.read(out));
        }
        return state;
    }

    private void resume(CsvFile saved) {
        int id = saved.require("segment_id");
        for (CsvFile.Row row : saved.rows()) {
            ReviewSegment s = segments.get(CsvFile.cell(row, id));
            if (s == null) {
                continue;
            }
            for (LabelGroup g : schema.groups()) {
                String value = CsvFile.cell(row, saved.require(g.name()));
                String by = saved.has(g.name() + "_coded_by") ? CsvFile.cell(row, saved.require(g.name() + "_coded_by"))
                        : ReviewSegment.REVIEWED;
                set(s, g, value, by, saved.file());
            }
        }
    }

    synchronized Map<String, Object> json() {
        List<String> groups = schema.groupNames();
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> attrs = new ArrayList<>();
        for (LabelGroup g : schema.groups()) {
            attrs.add(Map.of("name", g.name(), "kind", g.kind().name().toLowerCase(), "categories", g.categoryNames()));
        }
        m.put("schema", attrs);
        m.put("file", out.toString());
        m.put("segments", segments.values().stream().map(s -> s.json(groups)).toList());
        m.put("queue", ReviewQueue.order(segments.values()));
        return m;
    }

    /** Records the coder's decision for some attributes of one segment, then saves. */
    synchronized void decide(String segmentId, Map<String, String> values, Map<String, String> codedBy) {
        ReviewSegment s = segments.get(segmentId);
        if (s == null) {
            throw new IllegalArgumentException("no segment '" + segmentId + "'");
        }
        values.forEach((g, v) -> set(s, schema.group(g).orElseThrow(() -> new IllegalArgumentException(
                "no attribute '" + g + "'")), v, codedBy.getOrDefault(g, ReviewSegment.REVIEWED), null));
        save();
    }

    Path image(int index) {
        return index >= 0 && index < images.size() ? images.get(index) : null;
    }

    private static void set(ReviewSegment s, LabelGroup g, String value, String by, Path file) {
        String category = g.resolve(value).orElseThrow(() -> problem(file, "segment " + s.id + ": '" + value
                + "' is not a category of " + g.name() + " (expected " + g.allowedValues() + ")")).name();
        if (!ReviewSegment.CODED_BY.contains(by)) {
            throw problem(file, "segment " + s.id + ": coded by '" + by + "', expected one of " + ReviewSegment.CODED_BY);
        }
        s.values.put(g.name(), category);
        s.codedBy.put(g.name(), by);
    }

    private static RuntimeException problem(Path file, String message) {
        return file == null ? new IllegalArgumentException(message) : new DataException(file, message);
    }

    private void save() {
        List<String> header = new ArrayList<>(List.of("segment_id", "road_id", "start_m", "end_m"));
        header.addAll(schema.groupNames());
        schema.groupNames().forEach(g -> header.add(g + "_coded_by"));
        AtomicFiles.write(out, tmp -> {
            try (CsvWriter w = CsvWriter.open(tmp, header)) {
                for (ReviewSegment s : segments.values()) {
                    List<String> row = new ArrayList<>(List.of(s.id, s.road, s.startM, s.endM));
                    schema.groupNames().forEach(g -> row.add(s.values.get(g)));
                    schema.groupNames().forEach(g -> row.add(s.codedBy.get(g)));
                    w.row(row);
                }
            }
        });
    }
}
