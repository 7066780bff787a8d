package org.roadcoder.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.model.metrics.Evaluation;
import org.roadcoder.model.metrics.LabelMetrics;

/** {@code metrics.json}: the named metrics per level, per output, and the baseline, machine-readable. */
final class MetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    static String of(ReportData d) {
        Map<String, Object> root = new LinkedHashMap<>(d.context());
        root.put("frames", d.frameCount());
        root.put("segments", d.segmentCount());
        root.put("frame", level(d.frames(), d.outputNames()));
        root.put("segment", d.segments() == null ? null : level(d.segments(), d.outputNames()));
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("kind", "majority class of the training roads per group");
        baseline.put("frame", d.frameBaseline().metrics());
        baseline.put("segment", d.segmentBaseline() == null ? null : d.segmentBaseline().metrics());
        root.put("baseline", baseline);
        root.put("abstention", d.abstention() == null ? null : d.abstention().toJson());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> level(Evaluation e, List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metrics", e.metrics());
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = 0; i < e.labels().size(); i++) {
            LabelMetrics l = e.labels().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("output", names.get(i));
            row.put("precision", l.precision());
            row.put("recall", l.recall());
            row.put("f1", l.f1());
            row.put("average_precision", l.averagePrecision());
            row.put("support", l.support());
            row.put("predicted", l.predicted());
            labels.add(row);
        }
        m.put("labels", labels);
        return m;
    }
}
