package org.roadcoder.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PyTorch reference (dl4j-model/src/test/python/poc_reference.py) on the same roads, width, size and epochs. */
final class TorchSide {

    static final Path SCRIPT = Path.of("dl4j-model/src/test/python/poc_reference.py");
    private static final Pattern RESULT = Pattern.compile("RESULT train_seconds=([0-9.]+) images_per_second=([0-9.]+)");

    private TorchSide() {
    }

    /**
     * Runs the script in {@code dir}, or reuses the run there when it was made with the same arguments
     * ({@link SavedRun}): the reference does not depend on roadcoder's recipe.
     *
     * @return the run, or null when the Python has no torch (the bench then shows roadcoder alone)
     */
    static SideResult run(String python, Path train, Path test, Path schema, Path dir, List<String> roads,
            double width, int size, int epochs, long seed) throws IOException, InterruptedException {
        List<String> command = List.of(python, SCRIPT.toString(), "--train", train.toString(), "--test",
                test.toString(), "--schema", schema.toString(), "--out", dir.toString(), "--roads",
                String.join(",", roads), "--width", Double.toString(width), "--size", Integer.toString(size),
                "--epochs", Integer.toString(epochs), "--seed", Long.toString(seed));
        Path predictions = dir.resolve("frame_predictions.csv");
        Optional<SideResult> saved = SavedRun.reuse(dir, command, predictions);
        if (saved.isPresent()) {
            return saved.get();
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("pytorch: cannot run " + python + " (" + e.getMessage() + "); the table shows roadcoder alone");
            return null;
        }
        Matcher result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println("pytorch: " + line);
                if (line.startsWith("TORCH_MISSING")) {
                    System.out.println("pytorch: " + python + " has no torch; the table shows roadcoder alone");
                }
                Matcher m = RESULT.matcher(line);
                if (m.find()) {
                    result = m;
                }
            }
        }
        int rc = p.waitFor();
        if (rc == 3) {
            return null;
        }
        if (rc != 0 || result == null) {
            throw new IllegalStateException(SCRIPT + " failed with exit code " + rc);
        }
        return SavedRun.save(dir, command, new SideResult(predictions, Double.parseDouble(result.group(1)),
                Double.parseDouble(result.group(2)), null));
    }
}
