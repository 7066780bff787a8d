package org.roadcoder.app.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.data.csv.CsvTable;
import org.roadcoder.data.csv.CsvWriter;

/** {@code history.csv}: one line per finished epoch, rewritten whole (a resumed run drops lines past its checkpoint). */
final class History {

    static final List<String> HEADER = List.of("epoch", "train_loss", "val_macro_f1", "seconds");

    private History() {
    }

    static void record(Path file, int epoch, double loss, double macroF1, double seconds) {
        List<List<String>> rows = new ArrayList<>();
        if (Files.exists(file)) {
            CsvTable before = CsvTable.readOrThrow(file);
            for (CsvTable.Row row : before.rows()) {
                if (Integer.parseInt(before.cell(row, "epoch")) < epoch) {
                    rows.add(row.cells());
                }
            }
        }
        rows.add(List.of(String.valueOf(epoch), String.format(Locale.ROOT, "%.6f", loss),
                String.format(Locale.ROOT, "%.6f", macroF1), String.format(Locale.ROOT, "%.1f", seconds)));
        AtomicFiles.write(file, tmp -> {
            try (CsvWriter out = CsvWriter.open(tmp, HEADER)) {
                rows.forEach(out::row);
            }
        });
    }
}
