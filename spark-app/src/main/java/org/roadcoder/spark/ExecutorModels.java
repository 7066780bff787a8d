package org.roadcoder.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.roadcoder.app.run.TrainedModel;

/**
 * Networks on an executor, loaded once and kept for every later task. A DL4J network is not safe to run from
 * two threads at once, so each task thread (one per executor core) holds its own copy: an executor with C cores
 * loads a network C times, once each, and never again.
 */
final class ExecutorModels {

    private static final ThreadLocal<Map<String, Object>> MODELS = ThreadLocal.withInitial(HashMap::new);

    private ExecutorModels() {
    }

    /** The trained model of a run folder. */
    static TrainedModel get(String runDir) {
        return get("run:" + runDir, k -> TrainedModel.load(Path.of(runDir)));
    }

    /** This thread's copy of what {@code load} makes for {@code key}, made on first use. */
    @SuppressWarnings("unchecked")
    static <T> T get(String key, Function<String, T> load) {
        return (T) MODELS.get().computeIfAbsent(key, load);
    }
}
