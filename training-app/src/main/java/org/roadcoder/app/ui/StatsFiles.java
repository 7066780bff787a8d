package org.roadcoder.app.ui;

import java.nio.file.Path;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.roadcoder.data.DataException;

/** Opens a run's DL4J stats file, saying so in one line when another process holds it. */
public final class StatsFiles {

    private StatsFiles() {
    }

    public static FileStatsStorage open(Path file) {
        try {
            return new FileStatsStorage(file.toFile());
        } catch (RuntimeException e) {
            if (e.getClass().getName().contains("FileLocked")) {
                throw new DataException(file, "in use by another roadcoder process (a 'train --ui' or 'ui' still "
                        + "running); stop it or wait for it to finish", e);
            }
            throw new DataException(file, "cannot open the training UI stats: " + e.getMessage(), e);
        }
    }
}
