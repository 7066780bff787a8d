package org.roadcoder.app.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.csv.CsvWriter;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Writes coded segments ({@code segment_codes.csv}, or a reviewed {@code segments.csv}) as a ViDA upload file:
 * one row per segment, roads in the order they first appear, segments in chainage order, each attribute as
 * the iRAP code its category exports as ({@link Category#exportCode()}).
 */
public final class VidaExport {

    /** The fixed cells of every row: who coded, when, and the survey date (may be empty). */
    public record Header(String coder, String codingDate, String surveyDate) {
    }

    private VidaExport() {
    }

    /** @return the number of rows written */
    public static int write(LabelSchema schema, CsvFile codes, SurveyFrames frames, Header header, Path out) {
        List<Segment> segments = Segment.read(schema, codes);
        Map<String, Integer> roadOrder = new LinkedHashMap<>();
        segments.forEach(s -> roadOrder.putIfAbsent(s.roadId(), roadOrder.size()));
        segments.sort(Comparator.comparing((Segment s) -> roadOrder.get(s.roadId())).thenComparingDouble(Segment::startM));
        List<List<String>> rows = new ArrayList<>();
        rows.add(VidaLayout.COLUMNS);
        for (Segment s : segments) {
            SurveyFrames.Frame first = frames.first(s.segmentId(), codes.file(), s.line());
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put(VidaLayout.CODER, header.coder());
            cells.put(VidaLayout.CODING_DATE, header.codingDate());
            cells.put(VidaLayout.SURVEY_DATE, header.surveyDate());
            cells.put(VidaLayout.IMAGE, first.image());
            cells.put(VidaLayout.ROAD, s.roadId());
            cells.put(VidaLayout.DISTANCE, km(s.startM()));
            cells.put(VidaLayout.LENGTH, km(s.endM() - s.startM()));
            cells.put(VidaLayout.LATITUDE, first.latitude());
            cells.put(VidaLayout.LONGITUDE, first.longitude());
            for (LabelGroup g : schema.groups()) {
                String column = VidaLayout.GROUP_COLUMNS.get(g.name());
                if (column != null) {
                    cells.put(column, s.categories().get(g.name()).exportCode().map(String::valueOf).orElse(""));
                }
            }
            rows.add(VidaLayout.COLUMNS.stream().map(c -> cells.getOrDefault(c, "")).toList());
        }
        AtomicFiles.write(out, tmp -> {
            try (CsvWriter w = CsvWriter.open(tmp, rows.get(0))) {
                rows.subList(1, rows.size()).forEach(w::row);
            }
        });
        return rows.size() - 1;
    }

    /** Kilometres with up to three decimals: 100 m is 0.1, 1250 m is 1.25. */
    static String km(double metres) {
        String s = String.format(Locale.ROOT, "%.3f", metres / 1000.0);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", ".0") : s;
    }

    /** Groups the schema has that the ViDA layout has no column for. */
    public static List<String> unexported(LabelSchema schema) {
        return schema.groupNames().stream().filter(g -> !VidaLayout.GROUP_COLUMNS.containsKey(g)).toList();
    }
}
