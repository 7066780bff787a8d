package org.roadcoder.app.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.data.DataException;

/** A survey's frames for the page: per segment its frames' image numbers in chainage order, and road ids. */
final class ReviewFrames {

    private record Frame(int index, double chainageM) {
    }

    private final List<Path> images = new ArrayList<>();
    private final Map<String, List<Frame>> bySegment = new HashMap<>();
    private final Map<String, String> roads = new HashMap<>();

    static ReviewFrames read(Path survey) {
        Path root = survey.toAbsolutePath().normalize();
        CsvFile csv = CsvFile.read(root.resolve("frames.csv"));
        int seg = csv.require("segment_id");
        int image = csv.require("image");
        int chainage = csv.require("chainage_m");
        int road = csv.has("road_id") ? csv.require("road_id") : -1;
        ReviewFrames f = new ReviewFrames();
        for (CsvFile.Row row : csv.rows()) {
            Path img = root.resolve(CsvFile.cell(row, image)).normalize();
            if (!img.startsWith(root)) {
                throw csv.error(row, "image", "'" + CsvFile.cell(row, image) + "' lies outside the survey folder");
            }
            double m;
            try {
                m = Double.parseDouble(CsvFile.cell(row, chainage));
            } catch (NumberFormatException e) {
                throw csv.error(row, "chainage_m", "'" + CsvFile.cell(row, chainage) + "' is not a number of metres");
            }
            f.bySegment.computeIfAbsent(CsvFile.cell(row, seg), k -> new ArrayList<>()).add(new Frame(f.images.size(), m));
            f.images.add(img);
            if (road >= 0 && !CsvFile.cell(row, road).isEmpty()) {
                f.roads.putIfAbsent(CsvFile.cell(row, seg), CsvFile.cell(row, road));
            }
        }
        return f;
    }

    List<Path> images() {
        return images;
    }

    /** The page's image URLs of the segment's frames, in chainage order. */
    List<String> urls(String segmentId, Path codes) {
        List<Frame> frames = bySegment.get(segmentId);
        if (frames == null) {
            throw new DataException(codes, "segment '" + segmentId + "' has no frame in frames.csv");
        }
        return frames.stream().sorted(Comparator.comparingDouble(Frame::chainageM)).map(fr -> "/frame/" + fr.index()).toList();
    }

    /** frames.csv's road id of the segment, or empty. */
    String road(String segmentId) {
        return roads.getOrDefault(segmentId, "");
    }
}
