package org.roadcoder.data.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one parsed label schema: groups in output order, their kinds, categories, iRAP aliases and
 * output index ranges. Read once (see {@link LabelSchemaLoader}) and passed to everything that
 * needs labels: the encoder, the model's output layout, metrics, reports. Immutable.
 */
public final class LabelSchema {

    private final String name;
    private final Path source;
    private final List<LabelGroup> groups;
    private final Map<String, LabelGroup> byName = new LinkedHashMap<>();

    LabelSchema(String name, Path source, List<LabelGroup> groups) {
        this.name = name;
        this.source = source;
        this.groups = List.copyOf(groups);
        for (LabelGroup g : this.groups) {
            byName.put(g.name(), g);
        }
    }

    /** Loads and validates a schema file; errors name the file and the offending entry. */
    public static LabelSchema load(Path file) {
        return LabelSchemaLoader.load(file);
    }

    public String name() {
        return name;
    }

    /** The file this schema was read from (for provenance). */
    public Path source() {
        return source;
    }

    public List<LabelGroup> groups() {
        return groups;
    }

    public List<String> groupNames() {
        return List.copyOf(byName.keySet());
    }

    public Optional<LabelGroup> group(String groupName) {
        return Optional.ofNullable(byName.get(groupName));
    }

    /** The group called {@code groupName}; a programming error if there is none. */
    public LabelGroup requireGroup(String groupName) {
        LabelGroup g = byName.get(groupName);
        if (g == null) {
            throw new IllegalArgumentException("no label group '" + groupName + "' in schema " + name
                    + " (groups: " + String.join(", ", byName.keySet()) + ")");
        }
        return g;
    }

    /** Total number of network outputs. */
    public int outputCount() {
        return groups.isEmpty() ? 0 : groups.get(groups.size() - 1).end();
    }

    /** The name of every output, in output order. */
    public List<String> outputNames() {
        List<String> names = new ArrayList<>(outputCount());
        groups.forEach(g -> names.addAll(g.outputNames()));
        return names;
    }

    /** The output index that {@code category} of {@code group} sets; -1 for a flag's negative category. */
    public int outputIndex(LabelGroup group, Category category) {
        int k = group.indexOf(category);
        if (k < 0) {
            throw new IllegalArgumentException(category.name() + " is not a category of " + group.name());
        }
        if (group.kind() == GroupKind.FLAG) {
            return k == group.positive() ? group.offset() : -1;
        }
        return group.offset() + k;
    }

    /** Writes the encoding of one group's category into a multi-hot vector. */
    public void encode(LabelGroup group, Category category, float[] vector) {
        int idx = outputIndex(group, category);
        if (group.kind() == GroupKind.FLAG) {
            vector[group.offset()] = idx >= 0 ? 1f : 0f;
        } else {
            for (int i = group.offset(); i < group.end(); i++) {
                vector[i] = 0f;
            }
            vector[idx] = 1f;
        }
    }

    @Override
    public String toString() {
        return "LabelSchema[" + name + ", " + groups.size() + " groups, " + outputCount() + " outputs]";
    }
}
