package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.roadcoder.model.network.NetworkSpec;
import org.roadcoder.model.backbone.Backbone;
import org.roadcoder.model.backbone.BackboneOptions;
import org.roadcoder.model.backbone.WeightsSpec;
import org.roadcoder.model.init.InitKind;
import org.roadcoder.model.loss.LossKind;
import org.roadcoder.model.transfer.HeadOptions;

/**
 * The {@code model:} section: which network, from which weights, with which head and loss.
 *
 * @param backbone        vgg11-bn, vgg16 or vgg19
 * @param weights         random, imagenet, keras:FILE or onnx:FILE
 * @param init            how randomly initialised layers start: torch (PyTorch's layer defaults, the
 *                        proof of concept's) or he (DL4J's He-normal); docs/quality.md measures both
 * @param widthMultiplier channel scale in (0, 1]; 1 is the published network
 * @param inputSize       square input in pixels, a multiple of 32
 * @param hidden          width of the two hidden classifier layers (h)
 * @param dropout         probability of dropping a unit, PyTorch's convention
 * @param loss            bce (the proof of concept's) or grouped
 * @param posWeight       pos_weight per flag name (grouped loss only)
 * @param classWeight     weight per category of an exclusive group (grouped loss only), e.g.
 *                        {@code {median_type: {wire_rope_safety_barrier: 5}}}; categories not named weigh 1
 * @param freeze          none (fine-tune everything), features (the whole convolutional part) or a layer name
 * @param featureLr       learning rate of the backbone when fine-tuned
 * @param classifierLr    learning rate of the new classifier
 * @param segmentPooling  how segment-level training pools frame outputs (used when {@code training.unit: segment})
 * @param priorCorrection the exponent tau of the exclusive groups' decision rule: the trained model's probabilities
 *                        are divided by the category's share of the training frames to the tau and renormalised
 *                        ({@code PriorCorrection}); a number in [0, 2] (0 is the plain argmax, the proof of
 *                        concept's) or {@value #AUTO} (the default): the best of 0, 0.25, 0.5, 0.75 and 1 on the
 *                        validation roads (docs/quality.md, "Prior correction")
 */
@JsonPropertyOrder({"backbone", "weights", "init", "width_multiplier", "input_size", "hidden", "dropout", "loss", "pos_weight", "class_weight", "freeze", "feature_lr", "classifier_lr",
        "segment_pooling", "prior_correction"})
public record ModelConfig(
        String backbone,
        String weights,
        String init,
        @JsonProperty("width_multiplier") double widthMultiplier,
        @JsonProperty("input_size") int inputSize,
        int hidden,
        double dropout,
        String loss,
        @JsonProperty("pos_weight") Map<String, Double> posWeight,
        @JsonProperty("class_weight") Map<String, Map<String, Double>> classWeight,
        String freeze,
        @JsonProperty("feature_lr") double featureLr,
        @JsonProperty("classifier_lr") double classifierLr,
        @JsonProperty("segment_pooling") SegmentPoolingConfig segmentPooling,
        @JsonProperty("prior_correction") String priorCorrection) {

    public static final String NO_FREEZE = "none";
    /** {@code model.prior_correction}: tau chosen on the validation roads. */
    public static final String AUTO = "auto";

    public ModelConfig {
        posWeight = posWeight == null ? Map.of() : Map.copyOf(posWeight);
        classWeight = classWeight == null ? Map.of() : Map.copyOf(classWeight);
        segmentPooling = segmentPooling == null ? SegmentPoolingConfig.defaults() : segmentPooling;
        priorCorrection = priorCorrection == null ? AUTO : priorCorrection.trim();
        fixedPriorCorrection(priorCorrection);
        backboneKind(backbone);
        weightsSpec(weights);
        initKind(init);
        lossKind(loss);
        ConfigException.require(widthMultiplier > 0 && widthMultiplier <= 1, "model.width_multiplier",
                "must be in (0, 1], got " + widthMultiplier);
        ConfigException.require(inputSize >= 32 && inputSize % 32 == 0, "model.input_size",
                "must be a multiple of 32 (VGG pools five times), e.g. 64 or 224; got " + inputSize);
        ConfigException.require(hidden >= 1, "model.hidden", "must be at least 1, got " + hidden);
        ConfigException.require(dropout >= 0 && dropout < 1, "model.dropout",
                "is the probability of dropping a unit, in [0, 1); got " + dropout);
        ConfigException.require(featureLr > 0, "model.feature_lr", "must be positive, got " + featureLr);
        ConfigException.require(classifierLr > 0, "model.classifier_lr", "must be positive, got " + classifierLr);
        ConfigException.require(freeze != null && !freeze.isBlank(), "model.freeze",
                "must be none, features or a layer name");
        ConfigException.require(posWeight.isEmpty() || lossKind(loss) == LossKind.GROUPED, "model.pos_weight",
                "needs loss: grouped, not " + loss);
        ConfigException.require(classWeight.isEmpty() || lossKind(loss) == LossKind.GROUPED, "model.class_weight",
                "needs loss: grouped, not " + loss);
        classWeight.forEach((g, m) -> m.forEach((c, v) -> ConfigException.require(v != null && v > 0,
                "model.class_weight." + g + "." + c, "must be positive, got " + v)));
        posWeight.forEach((k, v) -> ConfigException.require(v != null && v > 0, "model.pos_weight." + k,
                "must be positive, got " + v));
    }

    /** The same model with another classifier: hidden size, drop rate and classifier learning rate (a search's candidate). */
    public ModelConfig withHead(int newHidden, double newDropout, double newClassifierLr) {
        return new ModelConfig(backbone, weights, init, widthMultiplier, inputSize, newHidden, newDropout, loss, posWeight, classWeight,
                freeze, featureLr, newClassifierLr, segmentPooling, priorCorrection);
    }

    /** The fixed exponent of {@code model.prior_correction}, or NaN for {@value #AUTO} (tuned on validation). */
    public double fixedPriorCorrection() {
        return fixedPriorCorrection(priorCorrection);
    }

    private static double fixedPriorCorrection(String text) {
        if (AUTO.equals(text)) {
            return Double.NaN;
        }
        double tau;
        try {
            tau = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            tau = Double.NaN;
        }
        ConfigException.require(tau >= 0 && tau <= 2, "model.prior_correction",
                "is auto or the exponent of the training prior divided out of the exclusive groups, in [0, 2]"
                        + " (0: plain argmax); got " + text);
        return tau;
    }

    public Backbone backboneKind() {
        return backboneKind(backbone);
    }

    public WeightsSpec weightsSpec() {
        return weightsSpec(weights);
    }

    /** The network this section describes, starting from {@code startWeights} (the configured ones or a fall-back). */
    public NetworkSpec networkSpec(WeightsSpec startWeights, long seed) {
        return networkSpec(startWeights, seed, List.of());
    }

    /**
     * The network for a schema with {@code outputNames} ({@code group=category}, output order), which
     * {@code class_weight} is resolved against; a category that is not an output is named in the error.
     */
    public NetworkSpec networkSpec(WeightsSpec startWeights, long seed, List<String> outputNames) {
        Map<Integer, Double> byOutput = new java.util.HashMap<>();
        classWeight.forEach((g, m) -> m.forEach((c, v) -> {
            int i = outputNames.indexOf(g + "=" + c);
            ConfigException.require(i >= 0, "model.class_weight." + g + "." + c,
                    "is not a category of an exclusive group of the label schema");
            byOutput.put(i, v);
        }));
        HeadOptions head = new HeadOptions(hidden, dropout, featureLr, classifierLr,
                NO_FREEZE.equals(freeze) ? null : freeze, seed);
        BackboneOptions input = new BackboneOptions(inputSize, inputSize, widthMultiplier, seed);
        return new NetworkSpec(backboneKind(), input, startWeights, lossKind(loss), posWeight, head, initKind(init),
                byOutput);
    }

    private static Backbone backboneKind(String id) {
        ConfigException.require(id != null, "model.backbone", "is required");
        try {
            return Backbone.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model.backbone", e.getMessage());
        }
    }

    private static WeightsSpec weightsSpec(String text) {
        ConfigException.require(text != null, "model.weights", "is required");
        try {
            return WeightsSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model.weights", e.getMessage());
        }
    }

    public InitKind initKind() {
        return initKind(init);
    }

    private static InitKind initKind(String id) {
        ConfigException.require(id != null, "model.init", "is required");
        try {
            return InitKind.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model.init", e.getMessage());
        }
    }

    private static LossKind lossKind(String id) {
        ConfigException.require(id != null, "model.loss", "is required");
        try {
            return LossKind.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("model.loss", e.getMessage());
        }
    }
}
