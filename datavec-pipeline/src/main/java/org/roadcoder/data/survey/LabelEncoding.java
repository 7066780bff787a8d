package org.roadcoder.data.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datavec.api.transform.TransformProcess;
import org.datavec.api.transform.join.Join;
import org.datavec.api.transform.schema.Schema;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.datavec.local.transforms.LocalTransformExecutor;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Turns label rows (segments.csv or frames_truth.csv) into multi-hot vectors and joins them onto
 * the frames, with DataVec: a {@link TransformProcess} maps iRAP codes to category names, makes each
 * group categorical and expands it (one-hot for exclusive groups, 0/1 for flags) in schema order;
 * a {@link Join} executed by {@link LocalTransformExecutor} attaches the vectors to the frames.
 */
final class LabelEncoding {

    private LabelEncoding() {
    }

    /** DataVec transform: {@code key, group...} (category names or iRAP codes) to {@code key, outputs...}. */
    static TransformProcess transform(LabelSchema schema, String key) {
        Schema.Builder in = new Schema.Builder().addColumnString(key);
        schema.groups().forEach(g -> in.addColumnString(g.name()));
        TransformProcess.Builder tp = new TransformProcess.Builder(in.build());
        for (LabelGroup g : schema.groups()) {
            tp.stringMapTransform(g.name(), aliases(g));
            if (g.kind() == GroupKind.FLAG) {
                Category negative = g.categories().get(1 - g.positive());
                Category positive = g.categories().get(g.positive());
                tp.stringToCategorical(g.name(), List.of(negative.name(), positive.name()));
                tp.categoricalToInteger(g.name());
            } else {
                tp.stringToCategorical(g.name(), g.categoryNames());
                tp.categoricalToOneHot(g.name());
            }
        }
        return tp.build();
    }

    /**
     * The label vector of each frame, keyed by frame id.
     *
     * @param frames    frame id and join key (segment id, or frame id for frame truth) of each frame
     * @param labelRows key and category per group, in schema group order, of each label row
     * @param key       the join column name: {@code segment_id} or {@code frame_id}
     */
    static Map<String, float[]> joinLabels(LabelSchema schema, List<String[]> frames, List<List<String>> labelRows,
                                           String key) {
        TransformProcess tp = transform(schema, key);
        List<List<Writable>> encoded = LocalTransformExecutor.execute(toWritables(labelRows), tp);

        String frameKey = key.equals(SurveyFiles.FRAME_ID) ? "frame" : SurveyFiles.FRAME_ID;
        Schema frameSchema = new Schema.Builder().addColumnString(frameKey).addColumnString(key).build();
        Join join = new Join.Builder(Join.JoinType.Inner).setJoinColumns(key)
                .setSchemas(frameSchema, tp.getFinalSchema()).build();
        List<List<String>> frameRows = new ArrayList<>(frames.size());
        frames.forEach(f -> frameRows.add(List.of(f[0], f[1])));
        List<List<Writable>> joined = LocalTransformExecutor.executeJoin(join, toWritables(frameRows), encoded);

        int outputs = schema.outputCount();
        int labelStart = join.getOutputSchema().numColumns() - outputs;
        int frameCol = join.getOutputSchema().getIndexOfColumn(frameKey);
        Map<String, float[]> byFrame = new HashMap<>(joined.size() * 2);
        for (List<Writable> row : joined) {
            float[] v = new float[outputs];
            for (int i = 0; i < outputs; i++) {
                v[i] = row.get(labelStart + i).toFloat();
            }
            byFrame.put(row.get(frameCol).toString(), v);
        }
        return byFrame;
    }

    private static Map<String, String> aliases(LabelGroup g) {
        Map<String, String> map = new HashMap<>();
        for (Category c : g.categories()) {
            c.irapCodes().forEach(code -> map.put(String.valueOf(code), c.name()));
        }
        return map;
    }

    private static List<List<Writable>> toWritables(List<List<String>> rows) {
        List<List<Writable>> out = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            List<Writable> w = new ArrayList<>(r.size());
            r.forEach(s -> w.add(new Text(s)));
            out.add(w);
        }
        return out;
    }
}
