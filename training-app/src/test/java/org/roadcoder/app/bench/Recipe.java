package org.roadcoder.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named training recipe of the quality bench: configuration keys set over roadcoder's defaults, for
 * a given width, input size and epoch count. A new training mode adds a recipe here with its own keys
 * (e.g. {@code training.unit: segment}).
 */
enum Recipe {

    /**
     * The proof of concept's method as roadcoder runs it: what the PyTorch reference script does, so the plain
     * argmax of the exclusive groups (no prior correction).
     */
    POC(new TreeMap<>(Map.of("model.prior_correction", "0"))),

    /**
     * The best recipe measured (docs/quality.md, "Recipes tried", "Prior correction" and "Learning-rate schedule"):
     * the poc's network and loss with the backbone at the classifier's learning rate (1e-3: from random weights
     * the proof of concept's 10x lower rate for the features, meant for fine-tuning ImageNet weights, holds them
     * back), both rates falling to 0 along a cosine over the epochs, the last epoch's network kept, and the
     * exclusive groups decided with a prior correction of tau 0.75 (fixed, chosen on the 64 px proxy: the
     * bench's 3 validation roads are few to tune it on; roadcoder's default is {@code auto}). The grouped loss,
     * class weights, batch 8, dropout 0.2 and augmentation measured no better than the poc's training.
     */
    BEST(new TreeMap<>(Map.of("training.keep", "last", "model.prior_correction", "0.75", "model.feature_lr", "0.001",
            "training.lr_schedule", "cosine")));

    private final Map<String, String> own;

    /** @param own the recipe's keys, in a fixed (sorted) order: a saved run is reused only for the same arguments in the same order */
    Recipe(Map<String, String> own) {
        this.own = own;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Every {@code --set} key of this recipe for a run of {@code epochs} at {@code width} and {@code size}, then
     * {@code extra} ({@code KEY=VALUE}, the bench's {@code --set}) over them.
     */
    Map<String, String> settings(double width, int size, int epochs, long seed, List<String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("model.backbone", "vgg11-bn");
        s.put("model.weights", "random");
        s.put("model.init", "torch");
        s.put("model.width_multiplier", Double.toString(width));
        s.put("model.input_size", Integer.toString(size));
        s.put("model.hidden", "300");
        s.put("model.dropout", "0.5");
        s.put("model.loss", "bce");
        s.put("model.feature_lr", "0.0001");
        s.put("model.classifier_lr", "0.001");
        s.put("data.preset", "torchvision");
        s.put("data.labels", "segments");
        s.put("data.augment", "false");
        s.put("data.split.train", "0.85");
        s.put("data.split.validation", "0.15");
        s.put("data.split.test", "0.0");
        s.put("training.batch_size", "16");
        s.put("training.epochs", Integer.toString(epochs));
        s.put("training.patience", Integer.toString(epochs + 1));
        s.put("training.seed", Long.toString(seed));
        s.putAll(own);
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + kv + ": expected KEY=VALUE, e.g. model.loss=grouped");
            }
            s.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return s;
    }

    static Recipe fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
