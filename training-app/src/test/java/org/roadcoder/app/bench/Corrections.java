package org.roadcoder.app.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** How many attribute codes of the reviewed segments a coder would correct: model code != true label. */
final class Corrections {

    private Corrections() {
    }

    static int count(LabelSchema schema, Path segmentCodes, Path truth, List<String> reviewed) {
        Map<String, Map<String, String>> coded = read(schema, segmentCodes);
        Map<String, Map<String, String>> labels = read(schema, truth);
        int n = 0;
        for (String id : reviewed) {
            for (LabelGroup g : schema.groups()) {
                n += coded.get(id).get(g.name()).equals(labels.get(id).get(g.name())) ? 0 : 1;
            }
        }
        return n;
    }

    /** segment id -> group -> the schema's category name. */
    private static Map<String, Map<String, String>> read(LabelSchema schema, Path file) {
        CsvTable t = CsvTable.readOrThrow(file);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            Map<String, String> m = new HashMap<>();
            for (LabelGroup g : schema.groups()) {
                String v = t.cell(r, g.name());
                m.put(g.name(), g.resolve(v).map(c -> c.name()).orElse(v));
            }
            out.put(t.cell(r, "segment_id"), m);
        }
        return out;
    }
}
