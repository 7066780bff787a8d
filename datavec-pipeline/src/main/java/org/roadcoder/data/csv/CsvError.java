package org.roadcoder.data.csv;

/**
 * A CSV file that cannot be read as a table: a character encoding roadcoder refuses, an unterminated
 * quote, a duplicate header column, a row with more fields than the header. Located by line (1-based,
 * as an editor counts), column name where there is one, and the offending value.
 */
public final class CsvError extends RuntimeException {

    private final int line;
    private final String column;
    private final String value;
    private final String problem;

    public CsvError(int line, String column, String value, String problem) {
        super("line " + line + (column.isEmpty() ? "" : ", column '" + column + "'")
                + (value.isEmpty() ? "" : ", value '" + value + "'") + ": " + problem);
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
