package org.roadcoder.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    private static final List<String> AWKWARD = List.of("Ü-Straße, \"Nord\"", "a,b", "say \"hi\"", "two\nlines",
            "", "Łódź;Ďábel", "tab\there", "images\\0001.jpg");

    @Test
    void quotesExactlyWhatNeedsItAndReadsBackUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");
        try (CsvWriter w = CsvWriter.open(file, List.of("id", "value"))) {
            for (int i = 0; i < AWKWARD.size(); i++) {
                w.row("id" + i, AWKWARD.get(i));
            }
            w.row("plain-id_1", "images/r00/r00-f0000000000000000000000000.jpg");
        }

        assertThat(Files.readString(file)).startsWith("id,value\nid0,\"Ü-Straße, \"\"Nord\"\"\"\nid1,\"a,b\"\n")
                .contains("\nid4,\n").endsWith("\nplain-id_1,images/r00/r00-f0000000000000000000000000.jpg\n");
        CsvTable back = CsvTable.read(file);
        assertThat(back.delimiter()).isEqualTo(',');
        assertThat(back.rows()).hasSize(AWKWARD.size() + 1);
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertThat(back.cell(back.rows().get(i), "value")).isEqualTo(AWKWARD.get(i));
            assertThat(back.cell(back.rows().get(i), "id")).isEqualTo("id" + i);
        }
    }
}
