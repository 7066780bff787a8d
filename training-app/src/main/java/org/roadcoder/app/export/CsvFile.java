package org.roadcoder.app.export;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roadcoder.data.DataException;

/**
 * A CSV file read whole through Jackson's CSV parser: its header and rows, each row with its line, so that
 * a bad cell can be reported by file, line and column.
 */
public final class CsvFile {

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One data row and the line it starts on. */
    public record Row(int line, List<String> cells) {
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows;

    private CsvFile(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.rows = List.copyOf(rows);
    }

    public static CsvFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "file not found");
        }
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                List<String> cells = it.nextValue().stream().map(String::trim).toList();
                if (header == null) {
                    header = cells;
                } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException(file, "cannot read as CSV: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataException(file, "empty CSV: expected a header line");
        }
        return new CsvFile(file, header, rows);
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The column's position; a {@link DataException} naming the file when it has no such column. */
    public int require(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new DataException(file, "no column '" + column + "' in the header " + header);
        }
        return i;
    }

    /** The cell of {@code row} in {@code column} (by position), empty when the row is short. */
    public static String cell(Row row, int column) {
        return column < row.cells().size() ? row.cells().get(column) : "";
    }

    /** A {@link DataException} about one cell. */
    public DataException error(Row row, String column, String message) {
        return new DataException(file, "line " + row.line() + ", column " + column + ": " + message);
    }
}
