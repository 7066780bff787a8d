package org.roadcoder.data.csv;

import java.util.regex.Pattern;

/**
 * Numbers in CSV cells: plain decimals ({@code 12}, {@code 12.5}, {@code -3}, {@code 1e3}); in a file
 * whose fields are not comma-separated also a decimal comma ({@code 12,5}), as Excel and LibreOffice
 * write in such locales. No thousands separators, no {@code NaN} or infinities, none of Java's extras
 * ({@code 10f}, {@code 0x1p3}).
 */
final class CsvNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");

    private CsvNumbers() {
    }

    /** The number, or {@code null} if the cell is not one. */
    static Double parse(String cell, boolean decimalComma) {
        String v = cell;
        if (decimalComma && COMMA_DECIMAL.matcher(v).matches()) {
            v = v.replace(',', '.');
        }
        if (!DECIMAL.matcher(v).matches()) {
            return null;
        }
        double d = Double.parseDouble(v);
        return Double.isFinite(d) ? d : null;
    }
}
