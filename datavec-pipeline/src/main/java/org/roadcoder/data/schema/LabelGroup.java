package org.roadcoder.data.schema;

import java.util.List;
import java.util.Optional;

/**
 * One attribute (one CSV column) of the schema and the slice of the output vector it owns.
 *
 * @param name       column name, e.g. {@code median_type}
 * @param kind       flag (one sigmoid output) or exclusive (one softmax block)
 * @param categories the categories in output order; a flag has exactly two
 * @param positive   for a flag, the index of the category that sets the output; -1 for exclusive groups
 * @param offset     index of this group's first output in the whole output vector
 * @param description free text for reports, may be empty
 */
public record LabelGroup(String name, GroupKind kind, List<Category> categories, int positive, int offset,
                         String description) {

    public LabelGroup {
        categories = List.copyOf(categories);
        description = description == null ? "" : description;
    }

    /** Number of outputs this group owns: 1 for a flag, one per category for an exclusive group. */
    public int width() {
        return kind == GroupKind.FLAG ? 1 : categories.size();
    }

    /** One past the index of this group's last output. */
    public int end() {
        return offset + width();
    }

    /** Output names: {@code group=positive} for a flag, {@code group=category} for each exclusive output. */
    public List<String> outputNames() {
        if (kind == GroupKind.FLAG) {
            return List.of(name + "=" + categories.get(positive).name());
        }
        return categories.stream().map(c -> name + "=" + c.name()).toList();
    }

    public List<String> categoryNames() {
        return categories.stream().map(Category::name).toList();
    }

    /** The category a CSV value means: its name, or one of its iRAP codes. */
    public Optional<Category> resolve(String value) {
        String v = value.trim();
        for (Category c : categories) {
            if (c.name().equals(v)) {
                return Optional.of(c);
            }
        }
        for (Category c : categories) {
            for (Integer code : c.irapCodes()) {
                if (String.valueOf(code).equals(v)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** Index of a category within this group (not within the output vector). */
    public int indexOf(Category category) {
        return categories.indexOf(category);
    }

    /** What a CSV cell of this group may hold, for error messages. */
    public String allowedValues() {
        StringBuilder sb = new StringBuilder();
        for (Category c : categories) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.name());
            if (!c.irapCodes().isEmpty()) {
                sb.append(" (iRAP ").append(c.irapCodes().toString().replaceAll("[\\[\\]]", "")).append(')');
            }
        }
        return sb.toString();
    }
}
