package org.roadcoder.app.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Reads {@code segment_codes.csv} into review segments. Confidence per attribute is the probability of the
 * chosen category ({@link org.roadcoder.app.confidence.Confidence}): an exclusive group's {@code _score}, a
 * flag's {@code _score} when present and one minus it when absent.
 */
final class ReviewCodes {

    private ReviewCodes() {
    }

    static Map<String, ReviewSegment> read(LabelSchema schema, CsvFile codes, ReviewFrames frames) {
        int id = codes.require("segment_id");
        int road = codes.require("road_id");
        int start = codes.require("start_m");
        int end = codes.require("end_m");
        Map<String, ReviewSegment> out = new LinkedHashMap<>();
        for (CsvFile.Row row : codes.rows()) {
            String segment = CsvFile.cell(row, id);
            Map<String, String> model = new LinkedHashMap<>();
            Map<String, Double> confidence = new LinkedHashMap<>();
            for (LabelGroup g : schema.groups()) {
                String value = CsvFile.cell(row, codes.require(g.name()));
                var category = g.resolve(value).orElseThrow(() -> codes.error(row, g.name(), "'" + value
                        + "' is not a category of " + g.name() + " (expected " + g.allowedValues() + ")"));
                String scoreText = CsvFile.cell(row, codes.require(g.name() + "_score"));
                double score;
                try {
                    score = Double.parseDouble(scoreText);
                } catch (NumberFormatException e) {
                    throw codes.error(row, g.name() + "_score", "'" + scoreText + "' is not a probability");
                }
                boolean absentFlag = g.kind() == GroupKind.FLAG && g.indexOf(category) != g.positive();
                model.put(g.name(), category.name());
                confidence.put(g.name(), absentFlag ? 1 - score : score);
            }
            String roadId = CsvFile.cell(row, road).isEmpty() ? frames.road(segment) : CsvFile.cell(row, road);
            if (roadId.isEmpty()) {
                throw new DataException(codes.file(), "line " + row.line() + ": segment '" + segment + "' has no road id "
                        + "(the reviewed segments.csv needs one): give frames.csv a road_id column");
            }
            out.put(segment, new ReviewSegment(segment, roadId, CsvFile.cell(row, start), CsvFile.cell(row, end), model,
                    confidence, frames.urls(segment, codes.file())));
        }
        return out;
    }
}
