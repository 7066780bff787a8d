package org.roadcoder.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.roadcoder.data.DataException;

/**
 * The files of one training run, side by side so that a model can be re-run from what was saved:
 *
 * <pre>
 * run/
 *   model.zip        the best network so far (ModelSerializer), tuned thresholds inside
 *   checkpoint.zip   the last finished epoch, updater state and training state inside (for --resume)
 *   config.yaml      the resolved configuration (defaults + file + flags)
 *   labels.yaml      a copy of the label schema the outputs follow
 *   provenance.json  survey, split roads, weights actually used, versions, command line, epochs
 *   history.csv      one line per epoch: loss, validation macro-F1, seconds
 *   ui-stats.dl4j    DL4J training UI statistics (roadcoder ui RUN)
 *   .lock            who is writing the run ({@link RunLock})
 * </pre>
 */
public record RunFolder(Path dir) {

    public Path model() {
        return dir.resolve("model.zip");
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint.zip");
    }

    public Path config() {
        return dir.resolve("config.yaml");
    }

    public Path labels() {
        return dir.resolve("labels.yaml");
    }

    public Path provenance() {
        return dir.resolve("provenance.json");
    }

    public Path history() {
        return dir.resolve("history.csv");
    }

    /** The majority-class baseline of the training roads ({@code MajorityBaseline}). */
    public Path baseline() {
        return dir.resolve("baseline.json");
    }

    public Path uiStats() {
        return dir.resolve("ui-stats.dl4j");
    }

    public Path lock() {
        return dir.resolve(".lock");
    }

    /** The files {@code train} writes; any of them present means the folder holds a (started) run. */
    public List<Path> trainingFiles() {
        return List.of(model(), checkpoint(), config(), labels(), provenance(), history(), uiStats());
    }

    /** Whether a run was started here: {@code train} then needs --resume or --overwrite. */
    public boolean holdsRun() {
        return trainingFiles().stream().anyMatch(Files::exists);
    }

    /** A run folder that holds a trained model; a {@link DataException} saying what is missing otherwise. */
    public static RunFolder existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "run folder not found");
        }
        RunFolder run = new RunFolder(dir);
        for (Path p : new Path[] {run.model(), run.config(), run.labels()}) {
            if (!Files.isRegularFile(p)) {
                throw new DataException(dir, "not a finished training run: " + p.getFileName() + " is missing");
            }
        }
        return run;
    }
}
