package org.roadcoder.app.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One 100-m segment on the review page: the model's code and confidence per attribute, its frames in
 * chainage order, and the current value and who coded it ({@code model}, {@code reviewed}, {@code corrected}).
 */
final class ReviewSegment {

    static final String MODEL = "model";
    static final String REVIEWED = "reviewed";
    static final String CORRECTED = "corrected";
    static final List<String> CODED_BY = List.of(MODEL, REVIEWED, CORRECTED);

    final String id;
    final String road;
    final String startM;
    final String endM;
    final Map<String, String> model;
    final Map<String, Double> confidence;
    final List<String> frames;
    final Map<String, String> values;
    final Map<String, String> codedBy = new LinkedHashMap<>();

    ReviewSegment(String id, String road, String startM, String endM, Map<String, String> model,
            Map<String, Double> confidence, List<String> frames) {
        this.id = id;
        this.road = road;
        this.startM = startM;
        this.endM = endM;
        this.model = Map.copyOf(model);
        this.confidence = Map.copyOf(confidence);
        this.frames = List.copyOf(frames);
        this.values = new LinkedHashMap<>(model);
        model.keySet().forEach(g -> codedBy.put(g, MODEL));
    }

    /** The least sure attribute's confidence: the review queue's key, lowest first. */
    double least() {
        return confidence.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    boolean done() {
        return !codedBy.containsValue(MODEL);
    }

    Map<String, Object> json(List<String> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("road", road);
        m.put("start_m", startM);
        m.put("end_m", endM);
        m.put("least", least());
        m.put("frames", frames);
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (String g : groups) {
            attrs.put(g, Map.of("model", model.get(g), "confidence", confidence.get(g), "value", values.get(g),
                    "coded_by", codedBy.get(g)));
        }
        m.put("attributes", attrs);
        return m;
    }
}
