package org.roadcoder.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What spreadsheets, loggers and scripts write, read as one table: each variant of the same three lines. */
class CsvTableTest {

    @TempDir
    Path dir;

    private Path write(String text, Charset charset, byte... prefix) throws IOException {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return Files.write(dir.resolve("t.csv"), all);
    }

    private CsvTable read(String text) throws IOException {
        return CsvTable.read(write(text, StandardCharsets.UTF_8));
    }

    /** The same table whatever the dialect: cells as written, numbers as numbers. */
    private static void isTheTable(CsvTable t, int firstLine) {
        assertThat(t.header()).containsExactly("id", "road", "chainage_m");
        assertThat(t.rows()).extracting(CsvTable.Row::cells).extracting(c -> c.subList(0, 2)).containsExactly(
                List.of("a1", "Ü-Straße, \"Nord\""), List.of("a2", "B 27"));
        assertThat(t.rows()).extracting(r -> t.number(t.cell(r, "chainage_m"))).containsExactly(12.5, 20.0);
        assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(firstLine, firstLine + 1);
    }

    private static final String PLAIN = "id,road,chainage_m\na1,\"Ü-Straße, \"\"Nord\"\"\",12.5\na2,B 27,20\n";

    @Test
    void plainUtf8WithQuotedFields() throws IOException {
        isTheTable(read(PLAIN), 2);
    }

    @Test
    void utf8ByteOrderMark() throws IOException {
        isTheTable(CsvTable.read(write(PLAIN, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)), 2);
    }

    @Test
    void crlfLoneCrAndNoFinalLineEnd() throws IOException {
        isTheTable(read(PLAIN.replace("\n", "\r\n")), 2);
        isTheTable(read(PLAIN.replace("\n", "\r")), 2);
        isTheTable(read(PLAIN.strip()), 2);
    }

    @Test
    void blankLinesAndExcelsEmptyRowsAreSkippedButCounted() throws IOException {
        CsvTable t = read("id,road,chainage_m\n\na1,\"Ü-Straße, \"\"Nord\"\"\",12.5\n,,\na2,B 27,20\n\n\n");
        assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(3, 5);
    }

    @Test
    void excelsSepLineNamesTheDelimiter() throws IOException {
        isTheTable(read("sep=;\r\nid;road;chainage_m\r\na1;\"Ü-Straße, \"\"Nord\"\"\";12,5\r\na2;B 27;20\r\n"), 3);
    }

    @Test
    void semicolonsWithDecimalCommas() throws IOException {
        CsvTable t = read("id;road;chainage_m\na1;\"Ü-Straße, \"\"Nord\"\"\";12,5\na2;B 27;20\n");
        isTheTable(t, 2);
        assertThat(t.delimiter()).isEqualTo(';');
        assertThat(t.number("12,5")).isEqualTo(12.5);
    }

    @Test
    void utf16WithByteOrderMarkAndTabs() throws IOException {
        String text = "id\troad\tchainage_m\r\na1\t\"Ü-Straße, \"\"Nord\"\"\"\t12,5\r\na2\tB 27\t20\r\n";
        isTheTable(CsvTable.read(write(text, StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE)), 2);
        isTheTable(CsvTable.read(write(text, StandardCharsets.UTF_16BE, (byte) 0xFE, (byte) 0xFF)), 2);
    }

    @Test
    void quotedHeadersSpacesTrailingEmptyColumnsAndCase() throws IOException {
        CsvTable t = read("\" id \",Road ,CHAINAGE_M,,\n a1 ,\"Ü-Straße, \"\"Nord\"\"\", 12.5,,\na2,B 27,20,,\n");
        assertThat(t.rows()).extracting(CsvTable.Row::cells).containsExactly(
                List.of("a1", "Ü-Straße, \"Nord\"", "12.5"), List.of("a2", "B 27", "20"));
        assertThat(t.hasColumn("road")).isTrue();
        assertThat(t.cell(t.rows().get(1), "chainage_m")).isEqualTo("20");
    }

    @Test
    void aLineBreakInsideQuotesStaysInTheCellAndRowsKeepTheirLines() throws IOException {
        CsvTable t = read("id,road,chainage_m\na1,\"two\nlines\",1\na2,x,2\n");
        assertThat(t.rows().get(0).cells().get(1)).isEqualTo("two\nlines");
        assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4);
    }

    @Test
    void latin1IsRefusedAtItsLine() throws IOException {
        Path file = write("id,road\na1,x\na2,Ü-Straße\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(CsvError.class).hasMessage("line 3, value '0xDC': "
                + "not UTF-8 (byte 0xDC cannot be read as UTF-8; a Latin-1 or Windows-1252 export?); " + CsvText.SAVE_AS);
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefused() throws IOException {
        Path file = write("id,road\na1,x\n", StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(CsvError.class).hasMessage("line 1: the file holds "
                + "NUL bytes: it is UTF-16 without a byte-order mark or not a text file; " + CsvText.SAVE_AS);
    }

    @Test
    void duplicateColumnIsRefused() throws IOException {
        Path file = write("id,Road,road\na1,x,y\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(CsvError.class)
                .hasMessage("line 1, column 'road': duplicate column (columns 2 and 3)");
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheRowItOpensIn() throws IOException {
        Path file = write("id,road\na1,x\na2,\"Nord\na3,y\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvTable.read(file)).isInstanceOf(CsvError.class).hasMessage("line 3: a quoted field "
                + "in the row starting here is never closed (a missing \" or a lone \" in a value?)");
    }

    @Test
    void anEmptyFileIsNotATable() throws IOException {
        Path empty = write("", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvTable.read(empty)).hasMessageEndingWith("empty CSV: expected a header line and at least one row");
        Path bomOnly = write("\n\n", StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThatThrownBy(() -> CsvTable.read(bomOnly)).hasMessageEndingWith("empty CSV: expected a header line and at least one row");
    }

    @Test
    void numbers() throws IOException {
        CsvTable comma = read("a\n1\n");
        CsvTable semicolon = read("a;b\n1;2\n");
        assertThat(comma.number("100")).isEqualTo(100.0);
        assertThat(comma.number("100.0")).isEqualTo(100.0);
        assertThat(comma.number("-2.5e1")).isEqualTo(-25.0);
        assertThat(comma.number(".5")).isEqualTo(0.5);
        assertThat(comma.number("12,5")).as("a comma file: a decimal comma would be ambiguous").isNull();
        assertThat(semicolon.number("12,5")).isEqualTo(12.5);
        assertThat(semicolon.number("12.5")).isEqualTo(12.5);
        for (String bad : new String[] {"", "1.234,5", "1,234.5", "10f", "0x10", "NaN", "Infinity", "1 000", "12m"}) {
            assertThat(semicolon.number(bad)).as(bad).isNull();
        }
    }
}
