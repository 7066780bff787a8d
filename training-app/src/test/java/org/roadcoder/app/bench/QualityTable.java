package org.roadcoder.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** The bench's side-by-side table, mean over seeds (each seed's value in brackets), as Markdown and JSON. */
final class QualityTable {

    private record Row(String name, List<Double> left, List<Double> right) {
    }

    private final String leftName;
    private final String rightName;
    private final String setting;
    private final List<Row> rows = new ArrayList<>();

    QualityTable(LabelSchema schema, String leftName, List<SideResult> left, String rightName, List<SideResult> right,
            String setting) {
        this.leftName = leftName;
        this.rightName = rightName;
        this.setting = setting;
        add("frames: macro-F1, exclusive groups", left, right, r -> r.scores().frames().metric("macro_f1"));
        add("frames: mean flag F1", left, right, r -> r.scores().frames().metric("mean_flag_f1"));
        for (LabelGroup g : schema.groups()) {
            add("frames: F1 " + g.name(), left, right, r -> r.scores().frames().metric("f1/" + g.name()));
        }
        add("segments: macro-F1, exclusive groups", left, right, r -> r.scores().segments().metric("macro_f1"));
        add("segments: mean flag F1", left, right, r -> r.scores().segments().metric("mean_flag_f1"));
        for (String point : List.of("pedestrian_crossing", "intersection")) {
            add("segments: F1 " + point, left, right, r -> r.scores().segments().metric("f1/" + point));
        }
        add("training wall time, s", left, right, SideResult::trainSeconds);
        add("training images/s", left, right, SideResult::imagesPerSecond);
    }

    private void add(String name, List<SideResult> left, List<SideResult> right, ToDoubleFunction<SideResult> f) {
        rows.add(new Row(name, left.stream().map(f::applyAsDouble).toList(), right.stream().map(f::applyAsDouble).toList()));
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String cell(List<Double> v) {
        if (v.isEmpty()) {
            return "—";
        }
        String m = String.format("%.3f", mean(v));
        return v.size() == 1 ? m : m + " (" + v.stream().map(x -> String.format("%.3f", x))
                .collect(Collectors.joining(" / ")) + ")";
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Quality bench: ").append(setting).append("\n\n");
        b.append("| metric | ").append(leftName).append(" | ").append(rightName).append(" | ratio |\n");
        b.append("|---|---|---|---|\n");
        for (Row r : rows) {
            double ratio = mean(r.left()) / mean(r.right());
            b.append("| ").append(r.name()).append(" | ").append(cell(r.left())).append(" | ").append(cell(r.right()))
                    .append(" | ").append(r.right().isEmpty() || !Double.isFinite(ratio) ? "—" : String.format("%.2fx", ratio))
                    .append(" |\n");
        }
        return b.toString();
    }

    String json() throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("setting", setting);
        doc.put("left", leftName);
        doc.put("right", rightName);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", r.name());
            m.put("left", r.left());
            m.put("left_mean", mean(r.left()));
            m.put("right", r.right());
            m.put("right_mean", r.right().isEmpty() ? null : mean(r.right()));
            list.add(m);
        }
        doc.put("rows", list);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }
}
