package org.roadcoder.search;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a search's candidates, best first, as {@code results.csv} and {@code results.html}. The CSV
 * goes through Jackson's CSV generator with the settings of every other roadcoder CSV (datavec-pipeline's
 * {@code CsvWriter}, which this library does not depend on): UTF-8, {@code \n}, quotes where needed.
 */
public final class ResultsTable {

    static final String HEADER = "rank,candidate,hidden,drop_rate,learning_rate,score,epochs,seconds,error";
    private static final CsvSchema CSV = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"')
            .withoutEscapeChar().withLineSeparator("\n");

    private ResultsTable() {
    }

    public static void writeCsv(SearchOutcome outcome, Path file) throws IOException {
        try (SequenceWriter w = new CsvMapper().writer(CSV).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValues(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write(HEADER.split(","));
            int rank = 1;
            for (CandidateRecord r : outcome.ranked()) {
                w.write(new String[] {String.valueOf(rank++), String.valueOf(r.index()), String.valueOf(r.hidden()),
                    String.format(Locale.ROOT, "%.4f", r.dropRate()), String.format(Locale.ROOT, "%.6g", r.lr()),
                    r.failed() ? "" : String.format(Locale.ROOT, "%.4f", r.score()), String.valueOf(r.epochs()),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), r.error()});
            }
        }
    }

    public static void writeHtml(SearchOutcome outcome, Path file, String title) throws IOException {
        StringBuilder rows = new StringBuilder();
        int rank = 1;
        for (CandidateRecord r : outcome.ranked()) {
            rows.append(String.format(Locale.ROOT,
                    "<tr%s><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.2e</td><td>%s</td><td>%d</td>"
                            + "<td>%.1f</td><td>%s</td></tr>%n",
                    r == outcome.best() ? " class=\"best\"" : r.failed() ? " class=\"failed\"" : "", rank++, r.index(),
                    r.hidden(), r.dropRate(), r.lr(), r.failed() ? "failed" : String.format(Locale.ROOT, "%.4f", r.score()),
                    r.epochs(), r.seconds(), html(r.error())));
        }
        String page = """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%1$s</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}tr.best{background:#dfd}
                tr.failed{color:#a00}td:last-child{text-align:left}</style></head>
                <body><h1>%1$s</h1><p>%2$d candidates, %3$d failed; score: %4$s (%5$s is better).</p>
                <table><tr><th>rank</th><th>candidate</th><th>hidden</th><th>drop rate</th><th>learning rate</th>
                <th>score</th><th>epochs</th><th>seconds</th><th>error</th></tr>
                %6$s</table></body></html>
                """.formatted(html(title), outcome.ranked().size(), outcome.failures(), html(outcome.scoreName()),
                outcome.scoreName().contains("loss") ? "lower" : "higher", rows);
        Files.writeString(file, page);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
