package org.roadcoder.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadcoder.app.cli.RoadcoderCommand;
import org.roadcoder.app.run.Provenance;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.data.survey.ReadOptions;
import org.roadcoder.data.survey.Survey;

/** roadcoder's side of the quality bench: {@code train} with the recipe's keys, then {@code predict} on the test survey. */
final class RoadcoderSide {

    private RoadcoderSide() {
    }

    /** Trains and predicts in {@code dir}, or reuses the run there when it was made with the same inputs ({@link SavedRun}). */
    static SideResult run(Map<String, String> settings, Path train, Path test, Path schema, Path dir) {
        Path run = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", train.toString(), "--schema", schema.toString(), "--out",
                run.toString()));
        settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        Path pred = dir.resolve("predict");
        List<String> predictArgs = List.of("predict", run.toString(), test.toString(), "--out", pred.toString());
        List<String> inputs = new ArrayList<>(args);
        inputs.addAll(predictArgs);
        Optional<SideResult> saved = SavedRun.reuse(dir, inputs, pred.resolve("frame_predictions.csv"));
        if (saved.isPresent()) {
            return saved.get();
        }
        // a run left there with other inputs (another recipe's code or keys) is trained again from scratch
        args.add("--overwrite");
        long t0 = System.nanoTime();
        execute(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        execute(predictArgs);
        List<String> roads = Provenance.read(run.resolve("provenance.json")).split().get("train");
        int frames = (int) Survey.load(train, LabelSchema.load(schema), ReadOptions.defaults()).frames().stream()
                .filter(f -> roads.contains(f.roadId())).count();
        int epochs = Integer.parseInt(settings.get("training.epochs"));
        return SavedRun.save(dir, inputs,
                new SideResult(pred.resolve("frame_predictions.csv"), seconds, frames * (double) epochs / seconds, null));
    }

    private static void execute(List<String> args) {
        int rc = RoadcoderCommand.commandLine().execute(args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("roadcoder " + String.join(" ", args) + " failed with exit code " + rc);
        }
    }
}
