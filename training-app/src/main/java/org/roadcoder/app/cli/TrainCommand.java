package org.roadcoder.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import org.roadcoder.app.confidence.Acceptance;
import org.roadcoder.app.run.AtomicFiles;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.app.run.RunFolder;
import org.roadcoder.app.run.RunLock;
import org.roadcoder.app.run.RunReset;
import org.roadcoder.app.run.WriteFailure;
import org.roadcoder.data.survey.LabelSource;
import org.roadcoder.app.train.DivergenceException;
import org.roadcoder.app.train.TrainingJob;
import org.roadcoder.app.ui.UiServer;
import org.roadcoder.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadcoder train SURVEY --config FILE --out RUN}: trains a model on a survey's roads. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a network on the frames of a survey, split by road into train/validation/test.",
                "Writes RUN/model.zip (best validation macro-F1, tuned thresholds inside), a checkpoint after every "
                        + "epoch, config.yaml, labels.yaml, provenance.json, history.csv and DL4J UI stats.",
                "A run folder has one writer at a time (RUN/.lock); a folder that already holds a run needs --resume or "
                        + "--overwrite.",
                "Exit codes: 0 done, 2 usage, 3 bad data or configuration or a folder in use, 5 diverged, "
                        + "6 the run folder could not be written (disk full, read-only); the last good model and "
                        + "checkpoint are kept."})
public class TrainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SURVEY", arity = "0..1",
            description = "Survey folder; not needed with --resume (the run remembers it).")
    Path survey;

    @Mixin
    SchemaOption schema;

    @Mixin
    ConfigOptions config;

    @Option(names = {"-o", "--out"}, paramLabel = "RUN", description = "Run folder (default: runs/<date-time>).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start again from scratch in an --out that holds a run: removes its "
            + "model, checkpoint, configuration, history, stats and eval-* folders first.")
    boolean overwrite;

    @Option(names = "--max-batches", paramLabel = "N", defaultValue = "0",
            description = "Train and validate on at most N batches per epoch (for tests and smoke runs).")
    int maxBatches;

    @Option(names = "--evaluate", description = "After training, evaluate the model on the test roads "
            + "(RUN/eval-test: metrics.json, report.html, charts), as 'roadcoder evaluate RUN SURVEY' does.")
    boolean evaluate;

    @Mixin
    UiOptions ui;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (resume && (out == null || config.file != null || overwrite)) {
            throw new DataException(null, out == null ? "--resume needs --out RUN, the run folder to continue"
                    : overwrite ? "--resume continues a run and --overwrite starts one again: choose one"
                    : "--resume continues with the run's own config.yaml; leave out --config (use --set to change it)");
        }
        if (!resume && survey == null) {
            throw new DataException(null, "train needs a SURVEY folder (or --resume --out RUN)");
        }
        RunFolder run = new RunFolder(out != null ? out
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        RunConfig resolved = config.load(resume ? run.config() : config.file);
        try (RunLock lock = RunLock.acquire(run, "train")) {
            if (!resume && run.holdsRun()) {
                if (!overwrite) {
                    throw new DataException(run.dir(), "already holds a training run; pass --resume to continue it, "
                            + "--overwrite to start again from scratch, or choose another --out");
                }
                RunReset.clear(run);
            }
            int code = train(run, resolved, stdout, stderr);
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        if (evaluate) {
            Path surveyDir = survey != null ? survey : Path.of(Provenance.read(run.provenance()).survey());
            return EvaluateCommand.evaluate(run.dir(), surveyDir, "auto", LabelSource.SEGMENTS, null, maxBatches,
                    Double.parseDouble(Acceptance.DEFAULT_TARGET),
                    stdout);
        }
        return ExitCodes.OK;
    }

    private int train(RunFolder run, RunConfig resolved, PrintWriter stdout, PrintWriter stderr) {
        try {
            if (resume) {
                AtomicFiles.writeString(run.config(), ConfigLoader.toYaml(resolved));
            }
            TrainingJob job = configure(new TrainingJob(run, resolved, maxBatches, stdout, stderr), resolved);
            try (UiServer server = ui.startIfEnabled(stdout)) {
                job.showIn(server);
                if (resume) {
                    job.resume(survey, spec.commandLine().getParseResult().originalArgs());
                } else {
                    job.start(survey, schema.path(), spec.commandLine().getParseResult().originalArgs());
                }
            }
            return ExitCodes.OK;
        } catch (DivergenceException e) {
            stderr.println("error: " + e.getMessage());
            keptFiles(run, stderr);
            return ExitCodes.DIVERGED;
        } catch (RuntimeException e) {
            java.util.Optional<java.io.IOException> io = WriteFailure.of(e);
            if (io.isEmpty()) {
                throw e;
            }
            stderr.println("error: cannot write the run folder " + run.dir() + ": " + WriteFailure.describe(e, io.get()));
            keptFiles(run, stderr);
            stderr.println("free some space or make the folder writable, then: roadcoder train --resume --out " + run.dir());
            stderr.flush();
            return ExitCodes.WRITE_FAILED;
        }
    }

    /**
     * The job as this command runs it; the local train as it is. A command that trains elsewhere (spark-train)
     * sets its epoch fit here and keeps everything else: options, run folder, lock, resume, errors, exit codes.
     */
    protected TrainingJob configure(TrainingJob job, RunConfig resolved) {
        return job;
    }

    private static void keptFiles(RunFolder run, PrintWriter stderr) {
        boolean checkpoint = Files.exists(run.checkpoint());
        boolean model = Files.exists(run.model());
        stderr.println(!checkpoint && !model ? "no epoch had finished: the run folder holds no model yet"
                : "the last good " + (checkpoint ? "checkpoint is kept in " + run.checkpoint() : "")
                        + (checkpoint && model ? " and the " : "") + (model ? "best model in " + run.model() : ""));
        stderr.flush();
    }
}
