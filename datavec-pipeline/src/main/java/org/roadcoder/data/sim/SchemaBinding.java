package org.roadcoder.data.sim;

import java.util.ArrayList;
import java.util.List;
import org.roadcoder.data.DataException;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/**
 * Ties the simulated world's attributes to a label schema: the CSV columns follow the schema's
 * group order and the values are the schema's category names. The world needs every group of the
 * default schema with its categories; a schema lacking one, or holding a group the world cannot
 * simulate, is rejected with a message naming the schema file.
 */
final class SchemaBinding {

    private final LabelSchema schema;
    /** For each schema group (in schema order), the world attribute it is. */
    private final Attribute[] columns;
    /** names[attribute][category]: the schema's name of each world category. */
    private final String[][] names;

    SchemaBinding(LabelSchema schema) {
        this.schema = schema;
        List<Attribute> cols = new ArrayList<>();
        for (LabelGroup g : schema.groups()) {
            cols.add(attribute(g.name()));
        }
        columns = cols.toArray(Attribute[]::new);
        names = new String[Attribute.COUNT][];
        for (Attribute a : Attribute.values()) {
            LabelGroup g = schema.group(a.group).orElseThrow(() -> new DataException(schema.source(),
                    "the survey simulator needs label group '" + a.group + "' (categories: "
                            + String.join(", ", a.categories) + "), which this schema lacks"));
            names[a.ordinal()] = new String[a.size()];
            for (int k = 0; k < a.size(); k++) {
                String name = a.categories.get(k);
                names[a.ordinal()][k] = g.resolve(name).orElseThrow(() -> new DataException(schema.source(),
                        "the survey simulator needs category '" + name + "' in group '" + a.group
                                + "' (it has: " + g.allowedValues() + ")")).name();
            }
        }
    }

    private Attribute attribute(String group) {
        for (Attribute a : Attribute.values()) {
            if (a.group.equals(group)) {
                return a;
            }
        }
        throw new DataException(schema.source(), "the survey simulator cannot produce label group '" + group
                + "'; it simulates: " + String.join(", ", java.util.Arrays.stream(Attribute.values())
                .map(x -> x.group).toList()));
    }

    LabelSchema schema() {
        return schema;
    }

    /** The group columns in schema order (for CSV headers). */
    List<String> header() {
        return schema.groupNames();
    }

    /** The category names of {@code values} in schema column order. */
    List<String> row(int[] values) {
        List<String> row = new ArrayList<>(columns.length);
        for (Attribute column : columns) {
            row.add(names[column.ordinal()][values[column.ordinal()]]);
        }
        return row;
    }

    /** The schema's name of category {@code k} of {@code a}. */
    String name(Attribute a, int k) {
        return names[a.ordinal()][k];
    }
}
