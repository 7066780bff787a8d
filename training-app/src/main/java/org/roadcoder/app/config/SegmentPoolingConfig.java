package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.segment.FramePooling;

/**
 * {@code model.segment_pooling}: how segment-level training ({@code training.unit: segment}) pools the
 * frame outputs of a segment, per kind of group, and which groups it pools at all; saved inside the
 * model, so predict and evaluate code segments the same way.
 *
 * <p>{@code groups} are pooled over the segment and trained against the coders' segment label: point
 * objects, seen in only a few of a segment's frames. Every other group runs along the road (a frame's
 * value is nearly always its segment's) and is trained frame by frame on its segment's label, as
 * frame-level training does, and coded as a frame-level model codes it. {@code [all]} pools every group
 * (plain multiple-instance training).
 *
 * @param flags       max | lse | noisy_or | linear_softmax
 * @param exclusive   mean_logits | mean_probs
 * @param temperature r of lse, {@code (1/r) log mean exp(r z)}
 * @param groups      the label groups pooled in training, or {@code [all]}; default the default schema's
 *                    point objects, {@value #DEFAULT_GROUPS_TEXT}
 */
@JsonPropertyOrder({"flags", "exclusive", "temperature", "groups"})
public record SegmentPoolingConfig(String flags, String exclusive, double temperature,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> groups) {

    /** Every group pooled. */
    public static final String ALL = "all";
    /** The point objects of the default label schema (data/labels.yaml). */
    public static final List<String> POINT_OBJECTS = List.of("pedestrian_crossing", "intersection");
    static final String DEFAULT_GROUPS_TEXT = "[pedestrian_crossing, intersection]";

    public SegmentPoolingConfig {
        pooling(flags, exclusive, temperature);
        groups = groups == null ? POINT_OBJECTS : List.copyOf(groups);
        ConfigException.require(!groups.isEmpty(), "model.segment_pooling.groups",
                "needs at least one group to pool (or [all]); for frame-level training set training.unit: frame");
        ConfigException.require(!groups.contains(ALL) || groups.size() == 1, "model.segment_pooling.groups",
                "'all' stands alone, got " + groups);
        ConfigException.require(new HashSet<>(groups).size() == groups.size(), "model.segment_pooling.groups",
                "names a group twice: " + groups);
    }

    public static SegmentPoolingConfig defaults() {
        FramePooling p = FramePooling.segmentDefault();
        return new SegmentPoolingConfig(FramePooling.id(p.flags()), FramePooling.id(p.exclusive()), p.temperature(),
                POINT_OBJECTS);
    }

    /** The pooling for {@code layout}: every block not in {@link #groups()} trained frame by frame. */
    public FramePooling pooling(OutputLayout layout) {
        FramePooling p = pooling(flags, exclusive, temperature);
        if (groups.equals(List.of(ALL))) {
            return p;
        }
        List<String> names = layout.blocks().stream().map(OutputLayout.Block::name).toList();
        List<String> unknown = groups.stream().filter(g -> !names.contains(g)).toList();
        ConfigException.require(unknown.isEmpty(), "model.segment_pooling.groups", "no group " + unknown
                + " in the label schema; its groups: " + names + " (or [all])");
        Set<Integer> perFrame = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!groups.contains(names.get(i))) {
                perFrame.add(i);
            }
        }
        return p.withFrameBlocks(perFrame);
    }

    /** For logs and provenance: {@code flags lse (r=1.0), exclusive mean_logits; pooled: a, b; the rest per frame}. */
    public String describe() {
        FramePooling p = pooling(flags, exclusive, temperature);
        List<String> parts = new ArrayList<>(List.of(p.toString()));
        parts.add(groups.equals(List.of(ALL)) ? "every group pooled"
                : "pooled: " + String.join(", ", groups) + "; the other groups trained per frame");
        return String.join("; ", parts);
    }

    private static FramePooling pooling(String flags, String exclusive, double temperature) {
        FramePooling.Flags f;
        FramePooling.Exclusive e;
        try {
            f = FramePooling.flags(flags);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("model.segment_pooling.flags", ex.getMessage());
        }
        try {
            e = FramePooling.exclusive(exclusive);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("model.segment_pooling.exclusive", ex.getMessage());
        }
        try {
            return new FramePooling(f, e, temperature);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("model.segment_pooling.temperature", ex.getMessage());
        }
    }
}
