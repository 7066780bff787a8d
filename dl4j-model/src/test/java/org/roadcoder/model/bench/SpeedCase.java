package org.roadcoder.model.bench;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.roadcoder.model.backbone.Backbone;

/**
 * The networks issue 4 times, on DL4J and on PyTorch (torchvision's layer list): VGG11-BN training at
 * 224 and 128 px with roadcoder's 28-output head; VGG16 inference at 224 px with roadcoder's head and
 * stock (the zoo's / torchvision's 1000-class classifier, the network DESIGN.md's inference figures
 * are for); VGG11-BN inference at 224 px (batch norm in the layout question); and inference with the
 * demo network (VGG11-BN at 1/8 width, 64 px, head 128), what {@code predict} runs on the sample
 * survey. Issue 13 adds the networks a CPU user trains: VGG11-BN at 1/8, 1/4 and 1/2 width at 64, 128
 * and 224 px, training and inference (batch 16, head 300), and the demo network's training step.
 * Inference cases run in NCHW and NHWC by default (DL4J side).
 *
 * @see SpeedBenchmark
 */
enum SpeedCase {

    TRAIN_VGG11_BN_224("train-vgg11bn-224", Backbone.VGG11_BN, "vgg11_bn", 224, 1.0, 300, true, 16, 2, 4, 1),
    TRAIN_VGG11_BN_128("train-vgg11bn-128", Backbone.VGG11_BN, "vgg11_bn", 128, 1.0, 300, true, 16, 2, 6, 1),
    INFER_VGG16_224("infer-vgg16-224", Backbone.VGG16, "vgg16", 224, 1.0, 300, false, 8, 2, 6, 1),
    INFER_VGG16_STOCK_224("infer-vgg16stock-224", Backbone.VGG16, "vgg16", 224, 1.0, 0, false, 8, 2, 6, 1),
    INFER_VGG11_BN_224("infer-vgg11bn-224", Backbone.VGG11_BN, "vgg11_bn", 224, 1.0, 300, false, 8, 2, 6, 1),
    INFER_DEMO_64("infer-demo-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.125, 128, false, 16, 2, 12, 20),
    TRAIN_DEMO_64("train-demo-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.125, 128, true, 16, 3, 12, 20),
    TRAIN_VGG11_BN_EIGHTH_64("train-vgg11bn-eighth-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.125, 300, true, 16, 3, 12, 20),
    TRAIN_VGG11_BN_EIGHTH_128("train-vgg11bn-eighth-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.125, 300, true, 16, 3, 12, 8),
    TRAIN_VGG11_BN_EIGHTH_224("train-vgg11bn-eighth-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.125, 300, true, 16, 3, 12, 3),
    TRAIN_VGG11_BN_QUARTER_64("train-vgg11bn-quarter-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.25, 300, true, 16, 3, 12, 8),
    TRAIN_VGG11_BN_QUARTER_128("train-vgg11bn-quarter-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.25, 300, true, 16, 3, 12, 2),
    TRAIN_VGG11_BN_QUARTER_224("train-vgg11bn-quarter-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.25, 300, true, 16, 3, 12, 1),
    TRAIN_VGG11_BN_HALF_64("train-vgg11bn-half-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.5, 300, true, 16, 3, 12, 2),
    TRAIN_VGG11_BN_HALF_128("train-vgg11bn-half-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.5, 300, true, 16, 3, 12, 1),
    TRAIN_VGG11_BN_HALF_224("train-vgg11bn-half-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.5, 300, true, 16, 3, 12, 1),
    INFER_VGG11_BN_EIGHTH_64("infer-vgg11bn-eighth-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.125, 300, false, 16, 3, 12, 40),
    INFER_VGG11_BN_EIGHTH_128("infer-vgg11bn-eighth-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.125, 300, false, 16, 3, 12, 16),
    INFER_VGG11_BN_EIGHTH_224("infer-vgg11bn-eighth-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.125, 300, false, 16, 3, 12, 6),
    INFER_VGG11_BN_QUARTER_64("infer-vgg11bn-quarter-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.25, 300, false, 16, 3, 12, 16),
    INFER_VGG11_BN_QUARTER_128("infer-vgg11bn-quarter-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.25, 300, false, 16, 3, 12, 5),
    INFER_VGG11_BN_QUARTER_224("infer-vgg11bn-quarter-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.25, 300, false, 16, 3, 12, 2),
    INFER_VGG11_BN_HALF_64("infer-vgg11bn-half-64", Backbone.VGG11_BN, "vgg11_bn", 64, 0.5, 300, false, 16, 3, 12, 5),
    INFER_VGG11_BN_HALF_128("infer-vgg11bn-half-128", Backbone.VGG11_BN, "vgg11_bn", 128, 0.5, 300, false, 16, 3, 12, 2),
    INFER_VGG11_BN_HALF_224("infer-vgg11bn-half-224", Backbone.VGG11_BN, "vgg11_bn", 224, 0.5, 300, false, 16, 3, 12, 1);

    private final String id;
    private final Backbone backbone;
    private final String torchvisionName;
    private final int size;
    private final double width;
    private final int hidden;
    private final boolean training;
    private final int batch;
    private final int warmup;
    private final int iterations;
    private final int passes;

    SpeedCase(String id, Backbone backbone, String torchvisionName, int size, double width, int hidden,
            boolean training, int batch, int warmup, int iterations, int passes) {
        this.id = id;
        this.backbone = backbone;
        this.torchvisionName = torchvisionName;
        this.size = size;
        this.width = width;
        this.hidden = hidden;
        this.training = training;
        this.batch = batch;
        this.warmup = warmup;
        this.iterations = iterations;
        this.passes = passes;
    }

    String id() {
        return id;
    }

    Backbone backbone() {
        return backbone;
    }

    String torchvisionName() {
        return torchvisionName;
    }

    int size() {
        return size;
    }

    /** Channel multiplier of the backbone (1 = the published network). */
    double width() {
        return width;
    }

    /** Hidden size of roadcoder's head; 0 for the stock 1000-class classifier. */
    int hidden() {
        return hidden;
    }

    boolean stock() {
        return hidden == 0;
    }

    boolean training() {
        return training;
    }

    /** The batch the issue names: 16 for training, 8 for VGG16 inference; the demo's 16 for its inference. */
    int batch() {
        return batch;
    }

    /** Untimed steps first: JIT, oneDNN primitive creation, workspace sizing. */
    int warmup() {
        return warmup;
    }

    /** Timed steps per side, an even number (ABBA order); few, so a case stays within ~2 minutes on 2 cores. */
    int iterations() {
        return iterations;
    }

    /**
     * Forward passes (or training steps) in one timed step: 1 for the large networks; more for the
     * narrow ones (the demo network's 20 ms passes would be lost one by one in the scheduling noise of
     * a shared machine), so that a timed step lasts a few tenths of a second on either side.
     */
    int passes() {
        return passes;
    }

    /** The DL4J layouts timed unless {@code --format} says otherwise: both for inference, NCHW for training. */
    List<CNN2DFormat> formats() {
        return training ? List.of(CNN2DFormat.NCHW) : List.of(CNN2DFormat.NCHW, CNN2DFormat.NHWC);
    }

    /**
     * The cases one {@code --case} word names: a case id, or a group: {@code small} (the narrow networks a
     * CPU user trains, issue 13: widths 1/8, 1/4, 1/2 at 64, 128, 224 px, training and inference, and the
     * demo network), {@code small-train}, {@code small-infer}, {@code full} (the full-width cases).
     */
    static List<SpeedCase> named(String word) {
        return switch (word) {
            case "small" -> Arrays.stream(values()).filter(c -> c.width < 1).toList();
            case "small-train" -> Arrays.stream(values()).filter(c -> c.width < 1 && c.training).toList();
            case "small-infer" -> Arrays.stream(values()).filter(c -> c.width < 1 && !c.training).toList();
            case "full" -> Arrays.stream(values()).filter(c -> c.width == 1).toList();
            default -> List.of(fromId(word));
        };
    }

    static SpeedCase fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case '" + id + "'; expected a group (small, "
                        + "small-train, small-infer, full) or one of " + Arrays.stream(values()).map(SpeedCase::id).toList()));
    }
}
