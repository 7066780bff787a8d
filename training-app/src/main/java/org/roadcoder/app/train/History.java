package org.roadcoder.app.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roadcoder.app.run.AtomicFiles;

/** {@code history.csv}: one line per finished epoch, rewritten whole (a resumed run drops lines past its checkpoint). */
final class History {

    static final String HEADER = "epoch,train_loss,val_macro_f1,seconds";

    private History() {
    }

    static void record(Path file, int epoch, double loss, double macroF1, double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.equals(HEADER) && !line.isBlank() && Integer.parseInt(line.split(",")[0]) < epoch) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.add(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.1f", epoch, loss, macroF1, seconds));
        AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }
}
