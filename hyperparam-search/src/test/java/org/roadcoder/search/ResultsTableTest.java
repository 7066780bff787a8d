package org.roadcoder.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.csv.CsvTable;

class ResultsTableTest {

    @Test
    void aFailedCandidatesErrorWithCommasQuotesAndLineBreaksReadsBackWhole(@TempDir Path dir) throws Exception {
        String error = "DataException: frames.csv:3: column 'road_id', value 'Ü-Straße, \"Nord\"':\nsecond line";
        CandidateRecord good = new CandidateRecord(1, 64, 0.25, 1e-3, 0.5123, 2, 3.5, "");
        CandidateRecord bad = new CandidateRecord(0, 128, 0.5, 2e-3, Double.NaN, 0, 0.1, error);
        Path file = dir.resolve("results.csv");

        ResultsTable.writeCsv(new SearchOutcome(List.of(good, bad), good, null, "validation macro-F1"), file);

        CsvTable t = CsvTable.read(file);
        assertThat(String.join(",", t.header())).isEqualTo(ResultsTable.HEADER);
        assertThat(t.rows()).extracting(CsvTable.Row::cells).containsExactly(
                List.of("1", "1", "64", "0.2500", "0.00100000", "0.5123", "2", "3.5", ""),
                List.of("2", "0", "128", "0.5000", "0.00200000", "", "0", "0.1", error));
    }
}
