package org.roadcoder.data.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.roadcoder.data.DataException;
import org.roadcoder.data.csv.CsvWriter;

/**
 * Streams a survey folder to disk in the data contract's layout: {@code frames.csv},
 * {@code segments.csv}, {@code frames_truth.csv} (through {@link CsvWriter}: UTF-8, {@code \n} line
 * ends) and {@code images/<road>/<frame>.jpg}. Rows go out as they are made, so memory stays flat
 * however long the survey. The CSVs are written as {@code <name>.partial} and get their names only in
 * {@link #commit()}, when the whole survey is written: a simulation that is interrupted or fails (killed, out of
 * memory or disk) leaves no {@code frames.csv} that looks like a survey but stops part way, mid-row.
 */
final class SurveyWriter implements AutoCloseable {

    static final String FRAMES = "frames.csv";
    static final String SEGMENTS = "segments.csv";
    static final String TRUTH = "frames_truth.csv";
    static final String IMAGES = "images";
    static final String PARTIAL = ".partial";
    private static final String[] CSVS = {FRAMES, SEGMENTS, TRUTH};

    private final Path dir;
    private final CsvWriter frames;
    private final CsvWriter segments;
    private final CsvWriter truth;
    private boolean committed;

    SurveyWriter(Path dir, List<String> groups, boolean overwrite) {
        this.dir = dir;
        prepare(dir, overwrite);
        try {
            frames = CsvWriter.open(partial(dir, FRAMES),
                    List.of("frame_id", "segment_id", "image", "chainage_m", "road_id", "latitude", "longitude"));
            segments = CsvWriter.open(partial(dir, SEGMENTS), concat(List.of("segment_id", "road_id", "start_m", "end_m"),
                    groups));
            truth = CsvWriter.open(partial(dir, TRUTH), concat(List.of("frame_id"), groups));
        } catch (UncheckedIOException e) {
            throw new DataException(dir, "cannot write the survey: " + e.getCause().getMessage(), e);
        }
    }

    /** An empty or new folder; with {@code overwrite}, a previous simulated survey there is removed first. */
    private static void prepare(Path dir, boolean overwrite) {
        try {
            Files.createDirectories(dir);
            if (overwrite) {
                for (String f : new String[] {FRAMES, SEGMENTS, TRUTH, SurveySimulator.CHART}) {
                    Files.deleteIfExists(dir.resolve(f));
                    Files.deleteIfExists(dir.resolve(f + PARTIAL));
                }
                if (Files.isDirectory(dir.resolve(IMAGES))) {
                    try (Stream<Path> all = Files.walk(dir.resolve(IMAGES))) {
                        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new DataException(dir, "the output folder is not empty; choose a new folder"
                            + (overwrite ? " (only a previous simulated survey is replaced)" : " or pass --overwrite"));
                }
            }
        } catch (IOException e) {
            throw new DataException(dir, "cannot prepare the output folder: " + e.getMessage(), e);
        }
    }

    /** Writes one frame's image and its rows in {@code frames.csv} and {@code frames_truth.csv}. */
    void frame(String roadId, String frameId, String segmentId, double chainageM, List<String> latLon,
               List<String> truthRow, byte[] jpeg) {
        String image = IMAGES + "/" + roadId + "/" + frameId + ".jpg";
        try {
            Path file = dir.resolve(image);
            Files.createDirectories(file.getParent());
            Files.write(file, jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frame " + frameId + " to " + dir, e);
        }
        frames.row(concat(List.of(frameId, segmentId, image, String.valueOf(Math.round(chainageM)), roadId), latLon));
        truth.row(concat(List.of(frameId), truthRow));
    }

    /** Writes one coded segment's row of {@code segments.csv}. */
    void segment(String segmentId, String roadId, int startM, int endM, List<String> labelRow) {
        segments.row(concat(List.of(segmentId, roadId, String.valueOf(startM), String.valueOf(endM)), labelRow));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The survey is complete: closes the CSVs and gives them their names. */
    void commit() {
        closeCsvs();
        try {
            for (String f : CSVS) {
                Files.move(partial(dir, f), dir.resolve(f), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new DataException(dir, "cannot write the survey: " + e.getMessage(), e);
        }
        committed = true;
    }

    private void closeCsvs() {
        try (frames; segments; truth) {
            frames.flush();
        }
    }

    private static Path partial(Path dir, String name) {
        return dir.resolve(name + PARTIAL);
    }

    /** Closes the CSVs; before {@link #commit()}, an unfinished survey's partial CSVs are removed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        closeCsvs();
        for (String f : CSVS) {
            try {
                Files.deleteIfExists(partial(dir, f));
            } catch (IOException ignored) {
                // the failure that stopped the simulation is the one to report
            }
        }
    }
}
