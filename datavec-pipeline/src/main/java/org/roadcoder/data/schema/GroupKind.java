package org.roadcoder.data.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a label group becomes network outputs. */
public enum GroupKind {
    /** One sigmoid output: is the group's positive category present? */
    FLAG,
    /** One softmax block with one output per mutually exclusive category. */
    EXCLUSIVE;

    /** The name used in schema files: {@code flag} or {@code exclusive}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<GroupKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName().equals(text)).findFirst();
    }
}
