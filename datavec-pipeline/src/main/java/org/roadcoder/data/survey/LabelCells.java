package org.roadcoder.data.survey;

import java.util.ArrayList;
import java.util.List;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** Checks the label-group cells of a segments.csv or frames_truth.csv row against the schema. */
final class LabelCells {

    private LabelCells() {
    }

    /**
     * The category names of the row in schema group order, or {@code null} after reporting every cell
     * that is not a category name or iRAP code of its group.
     */
    static List<String> resolve(CsvTable table, CsvTable.Row row, LabelSchema schema, ValidationReport report) {
        List<String> names = new ArrayList<>(schema.groups().size());
        boolean ok = true;
        for (LabelGroup g : schema.groups()) {
            String value = table.cell(row, g.name());
            Category c = value.isEmpty() ? null : g.resolve(value).orElse(null);
            if (c == null) {
                report.add(Problem.error(table.fileName(), row.line(), g.name(), value,
                        (value.isEmpty() ? "missing category" : "unknown category") + "; allowed: " + g.allowedValues()));
                ok = false;
            } else {
                names.add(c.name());
            }
        }
        return ok ? names : null;
    }

    /** Reports a row whose cell count differs from the header's; returns whether it matched. */
    static boolean checkWidth(CsvTable table, CsvTable.Row row, ValidationReport report) {
        int expected = table.header().size();
        if (row.cells().size() != expected) {
            report.add(Problem.error(table.fileName(), row.line(), "", "",
                    "expected " + expected + " columns (as in the header), found " + row.cells().size()));
            return false;
        }
        return true;
    }

    /** Reports each required column absent from the header; returns whether all are there. */
    static boolean requireColumns(CsvTable table, List<String> required, ValidationReport report) {
        boolean ok = true;
        for (String col : required) {
            if (!table.hasColumn(col)) {
                report.add(Problem.error(table.fileName(), 1, col, "",
                        "missing column; the header must contain " + String.join(",", required)));
                ok = false;
            }
        }
        return ok;
    }

    /** Parses a number cell, reporting it if it is not one. */
    static Double number(CsvTable table, CsvTable.Row row, String column, ValidationReport report) {
        String v = table.cell(row, column);
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        report.add(Problem.error(table.fileName(), row.line(), column, v, "expected a number (metres)"));
        return null;
    }
}
