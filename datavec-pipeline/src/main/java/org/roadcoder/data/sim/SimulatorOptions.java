package org.roadcoder.data.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that shapes a simulated survey. Rejects bad values in its constructor with a message
 * naming the value; the defaults live here and nowhere else. Equal options and an equal schema
 * give a byte-identical survey.
 *
 * @param roads           number of roads in the survey
 * @param roadLengthM     length of each road in metres, a multiple of the 100-metre segment
 * @param imageWidth      frame width in pixels
 * @param imageHeight     frame height in pixels
 * @param seed            the one seed every random choice derives from
 * @param coderErrorRate  share of segment labels the coder gets wrong (flipped to another category)
 * @param jpegQuality     JPEG quality of the frames, 1-100
 * @param categoryWeights multipliers on how often a category occurs, keyed {@code group=category}
 *                        (e.g. {@code median_type=wire_rope_safety_barrier -> 3.0}); 1 when absent
 */
public record SimulatorOptions(int roads, int roadLengthM, int imageWidth, int imageHeight, long seed,
                               double coderErrorRate, int jpegQuality, Map<String, Double> categoryWeights) {

    public static final int DEFAULT_ROADS = 30;
    public static final int DEFAULT_ROAD_LENGTH_M = 3000;
    public static final int DEFAULT_SIZE = 224;
    public static final long DEFAULT_SEED = 42L;
    public static final double DEFAULT_CODER_ERROR_RATE = 0.0;
    public static final int DEFAULT_JPEG_QUALITY = 85;

    /** Metres between two frames. */
    public static final int FRAME_SPACING_M = 10;
    /** Metres in one coded segment. */
    public static final int SEGMENT_LENGTH_M = 100;
    /** Frames in one coded segment. */
    public static final int FRAMES_PER_SEGMENT = SEGMENT_LENGTH_M / FRAME_SPACING_M;

    public SimulatorOptions {
        if (roads < 1 || roads > 9999) {
            throw new IllegalArgumentException("roads " + roads + ": expected 1 to 9999");
        }
        if (roadLengthM < SEGMENT_LENGTH_M || roadLengthM % SEGMENT_LENGTH_M != 0 || roadLengthM > 1_000_000) {
            throw new IllegalArgumentException("road length " + roadLengthM
                    + " m: expected a positive multiple of " + SEGMENT_LENGTH_M + " m, at most 1000 km");
        }
        if (imageWidth < 32 || imageWidth > 4096 || imageHeight < 32 || imageHeight > 4096) {
            throw new IllegalArgumentException("image size " + imageWidth + "x" + imageHeight
                    + ": expected 32 to 4096 pixels each way");
        }
        if (!(coderErrorRate >= 0 && coderErrorRate < 1)) {
            throw new IllegalArgumentException("coder error rate " + coderErrorRate + ": expected 0 <= rate < 1");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality " + jpegQuality + ": expected 1 to 100");
        }
        categoryWeights = Map.copyOf(categoryWeights == null ? Map.of() : categoryWeights);
        for (Map.Entry<String, Double> e : categoryWeights.entrySet()) {
            if (!e.getKey().matches("[^=\\s]+=[^=\\s]+")) {
                throw new IllegalArgumentException("category weight key '" + e.getKey()
                        + "': expected group=category, e.g. median_type=wire_rope_safety_barrier");
            }
            double w = e.getValue();
            if (!(w >= 0 && w <= 1000)) {
                throw new IllegalArgumentException("category weight " + e.getKey() + "=" + w
                        + ": expected a multiplier from 0 to 1000");
            }
        }
    }

    /** The defaults: {@value #DEFAULT_ROADS} roads of 3 km, 224x224 frames, seed 42, no coder errors. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(DEFAULT_ROADS, DEFAULT_ROAD_LENGTH_M, DEFAULT_SIZE, DEFAULT_SIZE, DEFAULT_SEED,
                DEFAULT_CODER_ERROR_RATE, DEFAULT_JPEG_QUALITY, Map.of());
    }

    public SimulatorOptions withRoads(int n, int lengthM) {
        return new SimulatorOptions(n, lengthM, imageWidth, imageHeight, seed, coderErrorRate, jpegQuality,
                categoryWeights);
    }

    public SimulatorOptions withSize(int width, int height) {
        return new SimulatorOptions(roads, roadLengthM, width, height, seed, coderErrorRate, jpegQuality,
                categoryWeights);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(roads, roadLengthM, imageWidth, imageHeight, s, coderErrorRate, jpegQuality,
                categoryWeights);
    }

    public SimulatorOptions withCoderErrorRate(double rate) {
        return new SimulatorOptions(roads, roadLengthM, imageWidth, imageHeight, seed, rate, jpegQuality,
                categoryWeights);
    }

    public SimulatorOptions withJpegQuality(int quality) {
        return new SimulatorOptions(roads, roadLengthM, imageWidth, imageHeight, seed, coderErrorRate, quality,
                categoryWeights);
    }

    public SimulatorOptions withCategoryWeights(Map<String, Double> weights) {
        return new SimulatorOptions(roads, roadLengthM, imageWidth, imageHeight, seed, coderErrorRate, jpegQuality,
                weights);
    }

    /** Frames per road. */
    public int framesPerRoad() {
        return roadLengthM / FRAME_SPACING_M;
    }

    /** Segments per road. */
    public int segmentsPerRoad() {
        return roadLengthM / SEGMENT_LENGTH_M;
    }

    /** Frames in the whole survey. */
    public long totalFrames() {
        return (long) roads * framesPerRoad();
    }

    /** The options as {@code key=value} lines in a fixed order, for provenance files and logs. */
    public Map<String, String> describe() {
        Map<String, String> m = new TreeMap<>();
        m.put("roads", String.valueOf(roads));
        m.put("road_length_m", String.valueOf(roadLengthM));
        m.put("size", imageWidth + "x" + imageHeight);
        m.put("seed", String.valueOf(seed));
        m.put("coder_error_rate", String.valueOf(coderErrorRate));
        m.put("jpeg_quality", String.valueOf(jpegQuality));
        m.put("category_weights", new TreeMap<>(categoryWeights).toString());
        return m;
    }
}
