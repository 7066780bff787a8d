package org.roadcoder.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code train --overwrite}: removes what an earlier run wrote into a folder (its model, checkpoint,
 * configuration, schema, provenance, history, training-UI stats with their journal, and the evaluation
 * folders {@code eval-*}), and nothing else, so that a new run starts from scratch.
 */
public final class RunReset {

    private RunReset() {
    }

    public static void clear(RunFolder run) {
        try (Stream<Path> entries = Files.list(run.dir())) {
            String stats = run.uiStats().getFileName().toString();
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (run.trainingFiles().contains(p) || name.startsWith(stats + ".")
                        || (name.startsWith("eval-") && Files.isDirectory(p))) {
                    delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear run folder " + run.dir() + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> tree = Files.walk(p)) {
            List<Path> all = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path q : all) {
                Files.delete(q);
            }
        }
    }
}
