package org.roadcoder.model.bench;

import java.util.Arrays;
import org.roadcoder.model.backbone.Backbone;

/**
 * The networks issue 4 times: VGG11-BN training at 224 and 128 px, VGG16 inference at 224 px, each
 * with roadcoder's 28-output head, on DL4J and on PyTorch (torchvision's layer list, same head).
 *
 * @see SpeedBenchmark
 */
enum SpeedCase {

    TRAIN_VGG11_BN_224("train-vgg11bn-224", Backbone.VGG11_BN, "vgg11_bn", 224, true, 16, 2, 4),
    TRAIN_VGG11_BN_128("train-vgg11bn-128", Backbone.VGG11_BN, "vgg11_bn", 128, true, 16, 2, 6),
    INFER_VGG16_224("infer-vgg16-224", Backbone.VGG16, "vgg16", 224, false, 8, 2, 6);

    private final String id;
    private final Backbone backbone;
    private final String torchvisionName;
    private final int size;
    private final boolean training;
    private final int batch;
    private final int warmup;
    private final int iterations;

    SpeedCase(String id, Backbone backbone, String torchvisionName, int size, boolean training, int batch,
            int warmup, int iterations) {
        this.id = id;
        this.backbone = backbone;
        this.torchvisionName = torchvisionName;
        this.size = size;
        this.training = training;
        this.batch = batch;
        this.warmup = warmup;
        this.iterations = iterations;
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

    boolean training() {
        return training;
    }

    /** The batch the issue names: 16 for training, 8 for VGG16 inference. */
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

    static SpeedCase fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown case '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(SpeedCase::id).toList()));
    }
}
