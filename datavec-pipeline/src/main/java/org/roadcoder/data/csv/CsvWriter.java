package org.roadcoder.data.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every CSV file roadcoder produces, through Jackson's CSV generator: UTF-8, comma-separated,
 * {@code \n} line ends, and a field quoted (quotes doubled) exactly when it holds a comma, a quote or a
 * line break, so that ids and names such as {@code Ü-Straße, "Nord"} read back unchanged through
 * {@link CsvTable}. Rows go out as they are written; memory does not grow with the file.
 */
public final class CsvWriter implements AutoCloseable {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"')
            .withoutEscapeChar().withLineSeparator("\n");

    private final SequenceWriter out;
    private final int width;

    private CsvWriter(Writer writer, List<String> header) {
        try {
            out = MAPPER.writer(SCHEMA).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        width = header.size();
        row(header);
    }

    /** A new file (replaced if present) starting with {@code header}. */
    public static CsvWriter open(Path file, List<String> header) {
        try {
            return new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes to {@code writer} (closed with this), starting with {@code header}. */
    public static CsvWriter to(Writer writer, List<String> header) {
        return new CsvWriter(writer, header);
    }

    /** One row; it must have as many cells as the header. */
    public CsvWriter row(List<String> cells) {
        if (cells.size() != width) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells under a header of " + width);
        }
        try {
            out.write(cells.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvWriter row(String... cells) {
        return row(List.of(cells));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
