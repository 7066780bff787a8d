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
 * @param flags threshold by flag name, each in [0, 1]
 */
public record Thresholds(Map<String, Double> flags) {

    public static final double DEFAULT = 0.5;
    public static final String MODEL_ENTRY = "roadcoder-thresholds";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Thresholds {
        flags = java.util.Collections.unmodifiableMap(new TreeMap<>(flags));
        flags.forEach((name, t) -> {
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold of " + name + " must be in [0, 1], got " + t);
            }
        });
    }

    /** Every flag at {@value #DEFAULT}. */
    public static Thresholds defaults() {
        return new Thresholds(Map.of());
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
