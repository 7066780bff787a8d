package org.roadcoder.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.roadcoder.app.run.TrainedModel;

/**
 * The trained model on an executor, loaded once and kept for every later task. A DL4J network is not
 * safe to run from two threads at once, so each task thread (one per executor core) holds its own copy:
 * an executor with C cores loads the model C times, once each, and never again.
 */
final class ExecutorModels {

    private static final ThreadLocal<Map<String, TrainedModel>> MODELS = ThreadLocal.withInitial(HashMap::new);

    private ExecutorModels() {
    }

    static TrainedModel get(String runDir) {
        return MODELS.get().computeIfAbsent(runDir, d -> TrainedModel.load(Path.of(d)));
    }
}
