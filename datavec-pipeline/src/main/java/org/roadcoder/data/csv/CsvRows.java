package org.roadcoder.data.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded CSV text into a header and rows with Jackson's CSV parser: RFC 4180 quoting (quotes
 * doubled inside quotes, line breaks inside quotes, spaces around a quoted field allowed), LF, CRLF and
 * lone CR line ends, a missing final line end. Then: trailing nameless header columns are dropped, rows
 * without content are skipped and empty cells past the header's width are dropped.
 */
final class CsvRows {

    /** Spaces around a quoted field ({@code a, "b c"}) are not part of it, as hand-written files expect. */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

    private CsvRows() {
    }

    /** The table, or {@code null} if the text holds no header line. */
    static CsvTable parse(String fileName, String text) {
        CsvDialect dialect = CsvDialect.detect(text);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(dialect.delimiter()).withQuoteChar('"')
                .withoutEscapeChar();
        List<String> header = null;
        int headerLine = 0;
        List<CsvTable.Row> rows = new ArrayList<>();
        int offset = dialect.sepLine() ? 1 : 0;
        int rowStart = 1;
        try (JsonParser p = MAPPER.getFactory().createParser(new StringReader(dialect.body(text)))) {
            p.setSchema(schema);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int line = 0;
                List<String> cells = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    if (cells.isEmpty()) {
                        line = p.currentTokenLocation().getLineNr() + offset;
                    }
                    cells.add(p.getText().trim());
                }
                rowStart = p.currentLocation().getLineNr();
                if (header == null) {
                    header = trimTrailingEmpty(cells, 0);
                    headerLine = line;
                    if (header.isEmpty()) {
                        header = null;
                    }
                } else if (!cells.stream().allMatch(String::isEmpty)) {
                    rows.add(new CsvTable.Row(line, fit(cells, header.size())));
                }
            }
        } catch (IOException e) {
            String what = e.getMessage() != null && e.getMessage().startsWith("Missing closing quote")
                    ? "a quoted field in the row starting here is never closed (a missing \" or a lone \" in a value?)"
                    : "malformed CSV: " + e.getMessage().lines().findFirst().orElse("");
            throw new CsvError(rowStart + offset, "", "", what);
        }
        return header == null ? null : new CsvTable(fileName, dialect, headerLine, header, rows);
    }

    /** {@code cells} without empty cells past {@code width} (a row with content past it stays long, for the caller to report). */
    private static List<String> fit(List<String> cells, int width) {
        return cells.size() <= width ? cells : trimTrailingEmpty(cells, width);
    }

    private static List<String> trimTrailingEmpty(List<String> cells, int keep) {
        int end = cells.size();
        while (end > keep && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }
}
