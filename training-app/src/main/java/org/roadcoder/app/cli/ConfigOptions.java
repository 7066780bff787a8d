package org.roadcoder.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.RunConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE}, {@code --set KEY=VALUE} and the common shortcuts, for commands that train. */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration (sections model, data, training); defaults fill what it leaves out.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration value, e.g. --set model.input_size=96 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Shortcut for --set training.epochs=N.")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Shortcut for --set training.batch_size=N.")
    Integer batchSize;

    @Option(names = "--weights", paramLabel = "SPEC",
            description = "Shortcut for --set model.weights=SPEC: random, imagenet, keras:FILE or onnx:FILE.")
    String weights;

    /** Every override, shortcuts last so they win. */
    List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (batchSize != null) {
            all.add("training.batch_size=" + batchSize);
        }
        if (weights != null) {
            all.add("model.weights=" + weights);
        }
        return all;
    }

    /** The configuration from {@code base} (the --config file unless a resumed run supplies its own). */
    RunConfig load(Path base) {
        return ConfigLoader.load(base, allOverrides());
    }
}
