package org.roadcoder.data.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roadcoder.data.DataException;

/**
 * A CSV file as a table: the header and every data row with the line it starts on, so that every
 * later check can point at the line. It reads what spreadsheets and loggers write (see
 * {@link CsvText} for encodings, {@link CsvDialect} for delimiters, {@link CsvRows} for the rest):
 * cells and header names are trimmed, header names match whatever their case, rows with no content
 * and empty cells past the header's last column (Excel's trailing {@code ,,,}) are dropped.
 */
public final class CsvTable {

    /** One data row: its cells, trimmed, and the line it starts on. */
    public record Row(int line, List<String> cells) {
    }

    private final String fileName;
    private final CsvDialect dialect;
    private final int headerLine;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows;

    CsvTable(String fileName, CsvDialect dialect, int headerLine, List<String> header, List<Row> rows) {
        this.fileName = fileName;
        this.dialect = dialect;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            Integer before = key.isEmpty() ? null : index.putIfAbsent(key, i);
            if (before != null) {
                throw new CsvError(headerLine, header.get(i), "", "duplicate column (columns "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads {@code file}. An absent or empty file is a {@link DataException}; content that is not a
     * table (encoding, quotes, duplicate columns, overlong rows) is a {@link CsvError} with its line.
     */
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "file not found");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e.getMessage(), e);
        }
        CsvTable table = CsvRows.parse(file.getFileName().toString(), CsvText.decode(bytes));
        if (table == null) {
            throw new DataException(file, "empty CSV: expected a header line and at least one row");
        }
        return table;
    }

    /** {@link #read}, with a {@link CsvError} turned into a {@link DataException} naming the file. */
    public static CsvTable readOrThrow(Path file) {
        try {
            return read(file);
        } catch (CsvError e) {
            throw new DataException(file, e.getMessage(), e);
        }
    }

    public String fileName() {
        return fileName;
    }

    public char delimiter() {
        return dialect.delimiter();
    }

    /** The header's line: 1, or 2 after Excel's {@code sep=} line. */
    public int headerLine() {
        return headerLine;
    }

    /** Header names as written, trimmed. */
    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(key(name));
    }

    public int column(String name) {
        Integer i = index.get(key(name));
        if (i == null) {
            throw new IllegalStateException(fileName + " has no column " + name);
        }
        return i;
    }

    /** The cell of {@code column} in {@code row}, or empty if the row is short. */
    public String cell(Row row, String column) {
        int i = column(column);
        return i < row.cells().size() ? row.cells().get(i) : "";
    }

    /** A number cell: {@code 12.5}; also {@code 12,5} where fields are not comma-separated. */
    public Double number(String cell) {
        return CsvNumbers.parse(cell, dialect.decimalComma());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
