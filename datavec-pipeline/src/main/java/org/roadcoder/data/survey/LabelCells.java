package org.roadcoder.data.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.schema.Category;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;

/** Checks the cells of survey CSV rows: label groups against the schema, row widths, columns, numbers. */
final class LabelCells {

    /** An iRAP code as a spreadsheet or a float column may write it: {@code 11.0}, {@code 11,00}. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(\\d+)[.,]0+");

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
            Category c = value.isEmpty() ? null : g.resolve(canonical(g, value)).orElse(null);
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

    /**
     * A label cell as the schema spells it: a category name in any case ({@code Urban}) becomes the
     * name, an iRAP code written as a decimal ({@code 11.0}) the code; anything else is left as it is.
     */
    static String canonical(LabelGroup g, String value) {
        var whole = WHOLE_NUMBER.matcher(value);
        if (whole.matches()) {
            return whole.group(1);
        }
        for (Category c : g.categories()) {
            if (c.name().equalsIgnoreCase(value)) {
                return c.name();
            }
        }
        return value;
    }

    /** Reports a row whose cell count differs from the header's; returns whether it matched. */
    static boolean checkWidth(CsvTable table, CsvTable.Row row, ValidationReport report) {
        int expected = table.header().size();
        if (row.cells().size() != expected) {
            report.add(Problem.error(table.fileName(), row.line(), "", "",
                    "expected " + expected + " columns (as in the header), found " + row.cells().size()
                            + (row.cells().size() > expected ? " (a value holding the delimiter "
                            + printable(table.delimiter()) + " outside quotes?)" : "")));
            return false;
        }
        return true;
    }

    /** Reports each required column absent from the header; returns whether all are there. */
    static boolean requireColumns(CsvTable table, List<String> required, ValidationReport report) {
        boolean ok = true;
        for (String col : required) {
            if (!table.hasColumn(col)) {
                report.add(Problem.error(table.fileName(), table.headerLine(), col, "",
                        "missing column; the header must contain " + String.join(",", required)));
                ok = false;
            }
        }
        return ok;
    }

    /** Warns once about header columns the data contract does not know; they are ignored. */
    static void warnUnknownColumns(CsvTable table, List<String> known, ValidationReport report) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i);
            if (name.isEmpty()) {
                unknown.add("column " + (i + 1) + " (no name)");
            } else if (known.stream().noneMatch(name::equalsIgnoreCase)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            report.add(Problem.warning(table.fileName(), table.headerLine(), "", "",
                    "columns not in the data contract, ignored: " + String.join(", ", unknown)));
        }
    }

    /** Parses a number cell, reporting it if it is not one. */
    static Double number(CsvTable table, CsvTable.Row row, String column, ValidationReport report) {
        String v = table.cell(row, column);
        Double d = table.number(v);
        if (d == null) {
            report.add(Problem.error(table.fileName(), row.line(), column, v, v.isEmpty() ? "empty cell: expected a number (metres)"
                    : "expected a number (metres)" + (v.contains(",") && table.delimiter() == ','
                    ? "; a decimal comma only in semicolon- or tab-separated files" : "")));
        }
        return d;
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }
}
