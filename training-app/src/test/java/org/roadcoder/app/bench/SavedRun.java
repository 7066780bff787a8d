package org.roadcoder.app.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A side's finished run, written beside its outputs ({@value #FILE}): a later bench run with exactly the same
 * inputs (command line of the training, surveys, seed) reuses it instead of training again, so comparing a
 * second roadcoder recipe does not re-train the PyTorch reference of the same seed. Both sides are
 * deterministic for a seed (docs/quality.md), so a reused run is the run that would be made again; its wall
 * time is the one measured when it ran.
 *
 * @param inputs          every argument the run was made with
 * @param trainSeconds    its training wall time
 * @param imagesPerSecond its training frames x epochs / trainSeconds
 */
record SavedRun(List<String> inputs, @JsonProperty("train_seconds") double trainSeconds,
        @JsonProperty("images_per_second") double imagesPerSecond) {

    static final String FILE = "bench-run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The run saved in {@code dir} if it was made with {@code inputs} and its {@code predictions} are there. */
    static Optional<SideResult> reuse(Path dir, List<String> inputs, Path predictions) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(predictions)) {
            return Optional.empty();
        }
        SavedRun saved;
        try {
            saved = JSON.readValue(file.toFile(), SavedRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (delete it to run this side again)", e);
        }
        if (!saved.inputs().equals(inputs)) {
            return Optional.empty();
        }
        System.out.println("bench: reusing " + dir + " (same inputs, trained in " + saved.trainSeconds() + " s)");
        return Optional.of(new SideResult(predictions, saved.trainSeconds(), saved.imagesPerSecond(), null));
    }

    /** Records a finished run in {@code dir}; returns it. */
    static SideResult save(Path dir, List<String> inputs, SideResult run) {
        try {
            JSON.writeValue(dir.resolve(FILE).toFile(), new SavedRun(inputs, run.trainSeconds(), run.imagesPerSecond()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
        return run;
    }
}
