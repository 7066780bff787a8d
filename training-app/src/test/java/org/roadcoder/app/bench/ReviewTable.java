package org.roadcoder.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The review bench's table: one row per arm (no review; least confident and random at each share), scores
 * on the test survey as the mean over training seeds and random draws, every run's value in brackets.
 */
final class ReviewTable {

    private final List<List<ReviewArm>> rows = new ArrayList<>();
    private final String setting;

    ReviewTable(List<ReviewArm> arms, String setting) {
        this.setting = setting;
        Map<String, List<ReviewArm>> byName = new LinkedHashMap<>();
        arms.forEach(a -> byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a));
        rows.addAll(byName.values());
    }

    private static double mean(List<ReviewArm> arms, ToDoubleFunction<ReviewArm> f) {
        return arms.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String cell(List<ReviewArm> arms, ToDoubleFunction<ReviewArm> f, String format) {
        String m = String.format(format, mean(arms, f));
        return arms.size() == 1 ? m : m + " (" + arms.stream().map(a -> String.format(format, f.applyAsDouble(a)))
                .collect(Collectors.joining(" / ")) + ")";
    }

    private static double frames(ReviewArm a) {
        return a.scores().frames().metric("macro_f1");
    }

    private static double segments(ReviewArm a) {
        return a.scores().segments().metric("macro_f1");
    }

    String markdown() {
        StringBuilder b = new StringBuilder("Review bench: ").append(setting).append("\n\n");
        b.append("| arm | pool segments reviewed | codes corrected | test frames: macro-F1 | test segments: macro-F1 "
                + "| runs |\n|---|---|---|---|---|---|\n");
        for (List<ReviewArm> r : rows) {
            ReviewArm first = r.get(0);
            b.append("| ").append(first.name()).append(" | ").append(first.reviewed().size()).append(" | ")
                    .append(cell(r, ReviewArm::corrected, "%.0f")).append(" | ")
                    .append(cell(r, ReviewTable::frames, "%.3f")).append(" | ")
                    .append(cell(r, ReviewTable::segments, "%.3f")).append(" | ").append(r.size()).append(" |\n");
        }
        b.append("\nmacro-F1 over the exclusive groups: frames against C's frames_truth.csv, 100-m segments against C's "
                + "segments.csv (flags at 0.5; the quality bench's definition). codes corrected: attribute codes of the "
                + "reviewed segments that the model had wrong.\n");
        return b.toString();
    }

    String json() throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("setting", setting);
        List<Map<String, Object>> list = new ArrayList<>();
        for (List<ReviewArm> r : rows) {
            for (ReviewArm a : r) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("arm", a.name());
                m.put("strategy", a.strategy());
                m.put("percent", a.percent());
                m.put("train_seed", a.trainSeed());
                m.put("pick_seed", a.pickSeed() >= 0 ? a.pickSeed() : null);
                m.put("reviewed_segments", a.reviewed().size());
                m.put("codes_corrected", a.corrected());
                m.put("frame_macro_f1", frames(a));
                m.put("segment_macro_f1", segments(a));
                m.put("frame_mean_flag_f1", a.scores().frames().metric("mean_flag_f1"));
                m.put("train_seconds", a.trainSeconds());
                m.put("reviewed", a.reviewed());
                list.add(m);
            }
        }
        doc.put("runs", list);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }
}
