package org.roadcoder.data.csv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a CSV file separates its fields, as spreadsheets write them: Excel's {@code sep=;} first line
 * names the delimiter outright; otherwise the header line decides between comma, semicolon (Excel and
 * LibreOffice in locales with a decimal comma) and tab (Excel's "Unicode text", many loggers): the one
 * it holds most often outside quotes, comma on a tie.
 *
 * @param delimiter the field separator
 * @param sepLine   whether the file starts with a {@code sep=} line (not part of the table)
 */
record CsvDialect(char delimiter, boolean sepLine) {

    private static final Pattern SEP_LINE = Pattern.compile("(?i)\"?sep=(.)\"?\\1*");
    private static final char[] CANDIDATES = {',', ';', '\t'};

    /** In a file whose fields are not comma-separated, {@code 12,5} is a number: a decimal comma. */
    boolean decimalComma() {
        return delimiter != ',';
    }

    /** The dialect of {@code text}; the text of the data after a {@code sep=} line is {@link #body}. */
    static CsvDialect detect(String text) {
        String first = firstLine(text);
        Matcher sep = SEP_LINE.matcher(first.strip());
        if (sep.matches()) {
            return new CsvDialect(sep.group(1).charAt(0), true);
        }
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char best = ',';
        int bestCount = 0;
        for (char c : CANDIDATES) {
            int n = countOutsideQuotes(header, c);
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return new CsvDialect(best, false);
    }

    /** The text without the {@code sep=} line. */
    String body(String text) {
        if (!sepLine) {
            return text;
        }
        int end = firstLine(text).length();
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return text.substring(end);
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    private static int countOutsideQuotes(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
