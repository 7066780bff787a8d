package org.roadcoder.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.csv.CsvWriter;

/**
 * A training survey of the review bench: every frame and segment of the training survey, plus the
 * reviewed segments of the pool with their true labels (the pool's {@code segments.csv}, simulated without
 * coder errors). Pool ids get a {@code B-} prefix so they cannot collide with the training survey's;
 * images are hard links (a survey's images must lie inside it).
 */
final class ReviewedSurvey {

    static final String POOL_PREFIX = "B-";
    private static final List<String> FRAME_COLUMNS = List.of("frame_id", "segment_id", "image", "chainage_m", "road_id");

    private ReviewedSurvey() {
    }

    /** Writes the survey into {@code dir} (replacing one there) and returns the pool's road ids it holds. */
    static List<String> write(Path dir, Path train, Path pool, Set<String> reviewed) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        CsvTable trainSegments = CsvTable.readOrThrow(train.resolve("segments.csv"));
        CsvTable poolSegments = CsvTable.readOrThrow(pool.resolve("segments.csv"));
        List<String> roads = new ArrayList<>();
        try (CsvWriter seg = CsvWriter.open(dir.resolve("segments.csv"), trainSegments.header());
             CsvWriter frames = CsvWriter.open(dir.resolve("frames.csv"), FRAME_COLUMNS)) {
            copySegments(trainSegments, seg, "", null, roads);
            copySegments(poolSegments, seg, POOL_PREFIX, reviewed, roads);
            copyFrames(train, dir, "A", "", null, frames);
            copyFrames(pool, dir, "B", POOL_PREFIX, reviewed, frames);
        }
        return roads.stream().filter(r -> r.startsWith(POOL_PREFIX)).distinct().sorted().toList();
    }

    private static void copySegments(CsvTable from, CsvWriter to, String prefix, Set<String> only, List<String> roads) {
        List<String> header = from.header();
        for (CsvTable.Row r : from.rows()) {
            String id = from.cell(r, "segment_id");
            if (only != null && !only.contains(id)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                String v = from.cell(r, column);
                cells.add(column.equals("segment_id") || column.equals("road_id") ? prefix + v : v);
            }
            roads.add(prefix + from.cell(r, "road_id"));
            to.row(cells);
        }
    }

    private static void copyFrames(Path survey, Path dir, String folder, String prefix, Set<String> only, CsvWriter to)
            throws IOException {
        CsvTable frames = CsvTable.readOrThrow(survey.resolve("frames.csv"));
        for (CsvTable.Row r : frames.rows()) {
            String segment = frames.cell(r, "segment_id");
            if (only != null && !only.contains(segment)) {
                continue;
            }
            String image = frames.cell(r, "image").replace('\\', '/');
            Path link = dir.resolve(folder).resolve(image);
            Files.createDirectories(link.getParent());
            try {
                Files.createLink(link, survey.resolve(image));
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(survey.resolve(image), link);
            }
            to.row(prefix + frames.cell(r, "frame_id"), prefix + segment, folder + "/" + image,
                    frames.cell(r, "chainage_m"), prefix + frames.cell(r, "road_id"));
        }
    }
}
