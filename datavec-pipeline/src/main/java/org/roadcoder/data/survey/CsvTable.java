package org.roadcoder.data.survey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataLine;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;
import org.roadcoder.data.DataException;

/**
 * A survey CSV as read by DataVec's {@link CSVRecordReader}: the header and every data row with its
 * 1-based line number, so that every later check can point at the line.
 */
final class CsvTable {

    /** One data row: its cells as strings and its line in the file. */
    record Row(int line, List<String> cells) {
    }

    private final String fileName;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows;

    private CsvTable(String fileName, List<String> header, List<Row> rows) {
        this.fileName = fileName;
        this.header = List.copyOf(header);
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.rows = rows;
    }

    /** Reads {@code file}; an absent file or one without a header line is a {@link DataException}. */
    static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "file not found");
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataException(file, "empty CSV: expected a header line and at least one row");
            }
            CSVRecordReader reader = new CSVRecordReader(0, ',', '"');
            reader.initialize(new FileSplit(file.toFile()));
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            while (reader.hasNext()) {
                Record r = reader.nextRecord();
                int line = ((RecordMetaDataLine) r.getMetaData()).getLineNumber() + 1;
                List<String> cells = new ArrayList<>(r.getRecord().size());
                for (Writable w : r.getRecord()) {
                    cells.add(w.toString().trim());
                }
                if (header == null) {
                    header = cells;
                } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    rows.add(new Row(line, cells));
                }
            }
            reader.close();
            if (header == null) {
                throw new DataException(file, "empty CSV: expected a header line and at least one row");
            }
            return new CsvTable(file.getFileName().toString(), header, rows);
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(file, "interrupted while reading", e);
        } catch (RuntimeException e) {
            if (e instanceof DataException) {
                throw e;
            }
            throw new DataException(file, "malformed CSV: " + e.getMessage(), e);
        }
    }

    String fileName() {
        return fileName;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    int column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalStateException(fileName + " has no column " + name);
        }
        return i;
    }

    /** The cell of {@code column} in {@code row}, or empty if the row is short. */
    String cell(Row row, String column) {
        int i = column(column);
        return i < row.cells().size() ? row.cells().get(i) : "";
    }
}
