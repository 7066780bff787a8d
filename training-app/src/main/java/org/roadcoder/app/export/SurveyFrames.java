package org.roadcoder.app.export;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.roadcoder.data.DataException;

/** The first frame (lowest chainage) of every segment of a survey's {@code frames.csv}, with its position. */
public final class SurveyFrames {

    /** A segment's first frame: its image as frames.csv names it, and WGS84 degrees (empty when not given). */
    public record Frame(String image, double chainageM, String latitude, String longitude) {
    }

    private final Map<String, Frame> first = new HashMap<>();

    private SurveyFrames() {
    }

    public static SurveyFrames read(Path framesCsv) {
        CsvFile csv = CsvFile.read(framesCsv);
        int segment = csv.require("segment_id");
        int image = csv.require("image");
        int chainage = csv.require("chainage_m");
        int lat = csv.has("latitude") ? csv.require("latitude") : -1;
        int lon = csv.has("longitude") ? csv.require("longitude") : -1;
        SurveyFrames frames = new SurveyFrames();
        for (CsvFile.Row row : csv.rows()) {
            String c = CsvFile.cell(row, chainage);
            double m;
            try {
                m = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw csv.error(row, "chainage_m", "'" + c + "' is not a number of metres");
            }
            Frame f = new Frame(CsvFile.cell(row, image), m, degrees(csv, row, "latitude", lat, 90),
                    degrees(csv, row, "longitude", lon, 180));
            frames.first.merge(CsvFile.cell(row, segment), f, (a, b) -> b.chainageM() < a.chainageM() ? b : a);
        }
        return frames;
    }

    /** The first frame of {@code segmentId}; an error naming the coded file's line when frames.csv has none. */
    public Frame first(String segmentId, Path codes, int line) {
        Frame f = first.get(segmentId);
        if (f == null) {
            throw new DataException(codes, "line " + line + ": segment '" + segmentId + "' has no frame in frames.csv");
        }
        return f;
    }

    private static String degrees(CsvFile csv, CsvFile.Row row, String name, int col, double limit) {
        if (col < 0) {
            return "";
        }
        String v = CsvFile.cell(row, col);
        if (v.isEmpty()) {
            return "";
        }
        try {
            double d = Double.parseDouble(v);
            if (Math.abs(d) > limit) {
                throw csv.error(row, name, "'" + v + "' is outside +-" + (int) limit + " degrees");
            }
        } catch (NumberFormatException e) {
            throw csv.error(row, name, "'" + v + "' is not a number of degrees");
        }
        return v;
    }
}
