package org.roadcoder.model.segment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One 100-metre segment's code, one value per label group in output order.
 *
 * @param categories per group: an exclusive group's winning category index; a flag's 1 (present) or 0
 * @param scores     per group: the winning category's mean probability, or the flag's maximum
 *                   probability; what a report shows as confidence
 */
public record SegmentCode(Map<String, Integer> categories, Map<String, Double> scores) {

    public SegmentCode {
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The coded category index of {@code group}. */
    public int category(String group) {
        Integer value = categories.get(group);
        if (value == null) {
            throw new IllegalArgumentException("no group '" + group + "'; known: " + categories.keySet());
        }
        return value;
    }

    /** Whether flag {@code group} is coded present. */
    public boolean present(String group) {
        return category(group) == 1;
    }
}
