package org.roadcoder.data.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.roadcoder.data.DataException;

/**
 * Streams a survey folder to disk in the data contract's layout: {@code frames.csv},
 * {@code segments.csv}, {@code frames_truth.csv} (plain CSV, {@code \n} line ends) and
 * {@code images/<road>/<frame>.jpg}. Rows go out as they are made, so memory stays flat however
 * long the survey.
 */
final class SurveyWriter implements AutoCloseable {

    static final String FRAMES = "frames.csv";
    static final String SEGMENTS = "segments.csv";
    static final String TRUTH = "frames_truth.csv";
    static final String IMAGES = "images";

    private final Path dir;
    private final BufferedWriter frames;
    private final BufferedWriter segments;
    private final BufferedWriter truth;

    SurveyWriter(Path dir, String groupHeader, boolean overwrite) {
        this.dir = dir;
        prepare(dir, overwrite);
        try {
            frames = Files.newBufferedWriter(dir.resolve(FRAMES), StandardCharsets.UTF_8);
            segments = Files.newBufferedWriter(dir.resolve(SEGMENTS), StandardCharsets.UTF_8);
            truth = Files.newBufferedWriter(dir.resolve(TRUTH), StandardCharsets.UTF_8);
            frames.write("frame_id,segment_id,image,chainage_m,latitude,longitude\n");
            segments.write("segment_id,road_id,start_m,end_m," + groupHeader + "\n");
            truth.write("frame_id," + groupHeader + "\n");
        } catch (IOException e) {
            throw new DataException(dir, "cannot write the survey: " + e.getMessage(), e);
        }
    }

    /** An empty or new folder; with {@code overwrite}, a previous simulated survey there is removed first. */
    private static void prepare(Path dir, boolean overwrite) {
        try {
            Files.createDirectories(dir);
            if (overwrite) {
                for (String f : new String[] {FRAMES, SEGMENTS, TRUTH, SurveySimulator.CHART}) {
                    Files.deleteIfExists(dir.resolve(f));
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
    void frame(String roadId, String frameId, String segmentId, double chainageM, String latLon, String truthRow,
               byte[] jpeg) {
        String image = IMAGES + "/" + roadId + "/" + frameId + ".jpg";
        try {
            Path file = dir.resolve(image);
            Files.createDirectories(file.getParent());
            Files.write(file, jpeg);
            frames.write(frameId + "," + segmentId + "," + image + ","
                    + Math.round(chainageM) + "," + latLon + "\n");
            truth.write(frameId + "," + truthRow + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frame " + frameId + " to " + dir, e);
        }
    }

    /** Writes one coded segment's row of {@code segments.csv}. */
    void segment(String segmentId, String roadId, int startM, int endM, String labelRow) {
        try {
            segments.write(segmentId + "," + roadId + "," + startM + "," + endM + "," + labelRow + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write segment " + segmentId + " to " + dir, e);
        }
    }

    @Override
    public void close() {
        try (frames; segments; truth) {
            frames.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the survey in " + dir, e);
        }
    }
}
