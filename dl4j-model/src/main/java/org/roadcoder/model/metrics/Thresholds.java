package org.roadcoder.model.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Per-flag decision thresholds: a flag is predicted present when its probability reaches its
 * threshold; flags not listed use {@value #DEFAULT}. Stored as JSON, and inside a DL4J model file
 * under {@value #MODEL_ENTRY} so the thresholds travel with the weights they were tuned for.
 *
 * <p>A frame's flag and a segment's flag are different decisions (a segment's is made on the maximum
 * over its frames, which is higher than a typical frame's), so each has its own thresholds.
 *
 * @param flags    threshold by flag name for frame outputs, each in [0, 1]
 * @param segments threshold by flag name for segment codes (the maximum over a segment's frames);
 *                 flags not listed here use their frame threshold
 */
public record Thresholds(Map<String, Double> flags, Map<String, Double> segments) {

    public static final double DEFAULT = 0.5;
    public static final String MODEL_ENTRY = "roadcoder-thresholds";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Thresholds {
        flags = checked(flags);
        segments = checked(segments == null ? Map.of() : segments);
    }

    /** Frame thresholds; segments use the same. */
    public Thresholds(Map<String, Double> flags) {
        this(flags, Map.of());
    }

    private static Map<String, Double> checked(Map<String, Double> m) {
        m.forEach((name, t) -> {
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold of " + name + " must be in [0, 1], got " + t);
            }
        });
        return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** Every flag at {@value #DEFAULT}. */
    public static Thresholds defaults() {
        return new Thresholds(Map.of());
    }

    /** The thresholds that code segments, as frame-style thresholds ({@link #of} gives a segment's). */
    public Thresholds forSegments() {
        Map<String, Double> merged = new TreeMap<>(flags);
        merged.putAll(segments);
        return new Thresholds(merged);
    }

    /** The threshold of flag {@code name}. */
    public double of(String name) {
        return flags.getOrDefault(name, DEFAULT);
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write thresholds as JSON", e);
        }
    }

    public static Thresholds fromJson(String json) {
        try {
            return JSON.readValue(json, Thresholds.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a thresholds JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Adds (or replaces) these thresholds inside a model file written by {@code ModelSerializer}. */
    public void addTo(File modelFile) {
        ModelSerializer.addObjectToFile(modelFile, MODEL_ENTRY, toJson());
    }

    /** The thresholds stored in a model file, or {@link #defaults()} if it has none. */
    public static Thresholds readFrom(File modelFile) {
        if (!ModelSerializer.listObjectsInFile(modelFile).contains(MODEL_ENTRY)) {
            return defaults();
        }
        String json = ModelSerializer.getObjectFromFile(modelFile, MODEL_ENTRY);
        return fromJson(json);
    }
}
