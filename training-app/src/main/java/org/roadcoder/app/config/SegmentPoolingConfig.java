package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.roadcoder.model.segment.FramePooling;

/**
 * {@code model.segment_pooling}: how segment-level training ({@code training.unit: segment}) pools the
 * frame outputs of a segment, per kind of group; saved inside the model, so predict and evaluate code
 * segments the same way.
 *
 * @param flags       max | lse | noisy_or | linear_softmax
 * @param exclusive   mean_logits | mean_probs
 * @param temperature r of lse, {@code (1/r) log mean exp(r z)}
 */
@JsonPropertyOrder({"flags", "exclusive", "temperature"})
public record SegmentPoolingConfig(String flags, String exclusive, double temperature) {

    public SegmentPoolingConfig {
        pooling(flags, exclusive, temperature);
    }

    public static SegmentPoolingConfig defaults() {
        FramePooling p = FramePooling.segmentDefault();
        return new SegmentPoolingConfig(FramePooling.id(p.flags()), FramePooling.id(p.exclusive()), p.temperature());
    }

    public FramePooling pooling() {
        return pooling(flags, exclusive, temperature);
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
