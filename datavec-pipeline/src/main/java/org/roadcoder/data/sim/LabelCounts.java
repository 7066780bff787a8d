package org.roadcoder.data.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * What a simulated survey holds: how many segments carry each category (the coders' labels), and
 * for each group the share of frames whose 100-metre label differs from what the frame really
 * shows: the labelling noise a model trained on segment labels has to live with.
 */
public final class LabelCounts {

    private final LabelSchema schema;
    private final SchemaBinding binding;
    private final long[][] segments = new long[Attribute.COUNT][];
    private final long[] framesDisagreeing = new long[Attribute.COUNT];
    private long frames;
    private long segmentTotal;

    LabelCounts(SchemaBinding binding) {
        this.schema = binding.schema();
        this.binding = binding;
        for (Attribute a : Attribute.values()) {
            segments[a.ordinal()] = new long[a.size()];
        }
    }

    /** Counts one coded segment and its frames. */
    void add(int[] label, List<FrameState> segmentFrames) {
        segmentTotal++;
        for (Attribute a : Attribute.values()) {
            segments[a.ordinal()][label[a.ordinal()]]++;
            for (FrameState f : segmentFrames) {
                if (f.value(a) != label[a.ordinal()]) {
                    framesDisagreeing[a.ordinal()]++;
                }
            }
        }
        frames += segmentFrames.size();
    }

    /** Segments labelled {@code category} in {@code group}, by the schema's names. */
    public long segments(String group, String category) {
        for (Attribute a : Attribute.values()) {
            for (int k = 0; k < a.size(); k++) {
                if (a.group.equals(group) && binding.name(a, k).equals(category)) {
                    return segments[a.ordinal()][k];
                }
            }
        }
        throw new IllegalArgumentException("no category " + group + "=" + category);
    }

    public long segmentTotal() {
        return segmentTotal;
    }

    /** Share of frames whose segment label for {@code group} is not what the frame shows. */
    public double frameLabelNoise(String group) {
        for (Attribute a : Attribute.values()) {
            if (a.group.equals(group)) {
                return frames == 0 ? 0 : framesDisagreeing[a.ordinal()] / (double) frames;
            }
        }
        throw new IllegalArgumentException("no group " + group);
    }

    /** Segment counts per output, keyed {@code group=category} in the schema's output order (flags: the positive). */
    public Map<String, Long> perOutput() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (LabelGroup g : schema.groups()) {
            List<String> cats = new ArrayList<>(g.categoryNames());
            if (g.positive() >= 0) {
                cats = List.of(cats.get(g.positive()));
            }
            for (String c : cats) {
                m.put(g.name() + "=" + c, segments(g.name(), c));
            }
        }
        return m;
    }

    /** A table: each group, its categories with segment counts, and the frame-level label noise. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-34s %8s %7s%n", "group", "category", "segments", "share"));
        for (LabelGroup g : schema.groups()) {
            for (String c : g.categoryNames()) {
                long n = segments(g.name(), c);
                sb.append(String.format(Locale.ROOT, "%-20s %-34s %8d %6.1f%%%n", g.name(), c, n,
                        100.0 * n / Math.max(1, segmentTotal)));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nframes whose 100-m label differs from what they show:%n"));
        for (LabelGroup g : schema.groups()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %5.1f%%%n", g.name(), 100 * frameLabelNoise(g.name())));
        }
        return sb.toString();
    }
}
