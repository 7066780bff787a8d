package org.roadcoder.search;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a search's candidates, best first, as {@code results.csv} and {@code results.html}. */
public final class ResultsTable {

    static final String HEADER = "rank,candidate,hidden,drop_rate,learning_rate,score,epochs,seconds,error";

    private ResultsTable() {
    }

    public static void writeCsv(SearchOutcome outcome, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(HEADER + "\n");
            int rank = 1;
            for (CandidateRecord r : outcome.ranked()) {
                w.write(String.format(Locale.ROOT, "%d,%d,%d,%.4f,%.6g,%s,%d,%.1f,%s%n", rank++, r.index(), r.hidden(),
                        r.dropRate(), r.lr(), r.failed() ? "" : String.format(Locale.ROOT, "%.4f", r.score()),
                        r.epochs(), r.seconds(), csv(r.error())));
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

    private static String csv(String s) {
        return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
