package org.roadcoder.data.survey;

/**
 * One thing wrong with a survey, located as precisely as it can be.
 *
 * @param severity error (the survey cannot be used as is) or warning
 * @param file     file name relative to the survey folder, e.g. {@code frames.csv}
 * @param line     1-based line in that file, or 0 when not about one line
 * @param column   column name, or empty
 * @param value    the offending value, or empty
 * @param message  what is wrong and what was expected
 */
public record Problem(Severity severity, String file, int line, String column, String value, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, String column, String value, String message) {
        return new Problem(Severity.ERROR, file, line, column, value, message);
    }

    public static Problem warning(String file, int line, String column, String value, String message) {
        return new Problem(Severity.WARNING, file, line, column, value, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code frames.csv:12: column 'image', value 'x.jpg': file not found}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!column.isEmpty()) {
            sb.append("column '").append(column).append('\'');
            sb.append(value.isEmpty() && !column.isEmpty() ? ": " : ", ");
        }
        if (!value.isEmpty()) {
            sb.append("value '").append(value).append("': ");
        }
        return sb.append(message).toString();
    }
}
