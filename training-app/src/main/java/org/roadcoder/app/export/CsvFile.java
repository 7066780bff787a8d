package org.roadcoder.app.export;

import java.nio.file.Path;
import java.util.List;
import org.roadcoder.data.DataException;
import org.roadcoder.data.csv.CsvTable;

/**
 * A CSV file read whole through the pipeline's {@link CsvTable} (Jackson's CSV parser, the survey CSV
 * variants it accepts), with the file kept so that a bad cell is reported by file, line and column.
 */
public final class CsvFile {

    /** One data row and the line it starts on. */
    public record Row(int line, List<String> cells) {
    }

    private final Path file;
    private final CsvTable table;
    private final List<Row> rows;

    private CsvFile(Path file, CsvTable table) {
        this.file = file;
        this.table = table;
        this.rows = table.rows().stream().map(r -> new Row(r.line(), r.cells())).toList();
    }

    public static CsvFile read(Path file) {
        return new CsvFile(file, CsvTable.readOrThrow(file));
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return table.header();
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean has(String column) {
        return table.hasColumn(column);
    }

    /** The column's position; a {@link DataException} naming the file when it has no such column. */
    public int require(String column) {
        if (!table.hasColumn(column)) {
            throw new DataException(file, "no column '" + column + "' in the header " + table.header());
        }
        return table.column(column);
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
