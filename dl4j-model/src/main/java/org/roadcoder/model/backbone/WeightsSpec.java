package org.roadcoder.model.backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which weights a backbone starts from, as written in configuration: {@code random},
 * {@code imagenet} (the DL4J zoo's, vgg16/vgg19), {@code keras:<file.h5>} or {@code onnx:<file.onnx>}.
 *
 * @param kind where the weights come from
 * @param file the Keras or ONNX file; null for random and imagenet
 */
public record WeightsSpec(Kind kind, Path file) {

    public enum Kind { RANDOM, IMAGENET, KERAS, ONNX }

    public WeightsSpec {
        boolean needsFile = kind == Kind.KERAS || kind == Kind.ONNX;
        if (needsFile != (file != null)) {
            throw new IllegalArgumentException(needsFile ? kind.name().toLowerCase(Locale.ROOT) + " weights need a file"
                    : kind.name().toLowerCase(Locale.ROOT) + " weights take no file");
        }
    }

    public static WeightsSpec parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("random")) {
            return new WeightsSpec(Kind.RANDOM, null);
        }
        if (lower.equals("imagenet")) {
            return new WeightsSpec(Kind.IMAGENET, null);
        }
        if (lower.startsWith("keras:") && t.length() > 6) {
            return new WeightsSpec(Kind.KERAS, Path.of(t.substring(6)));
        }
        if (lower.startsWith("onnx:") && t.length() > 5) {
            return new WeightsSpec(Kind.ONNX, Path.of(t.substring(5)));
        }
        throw new IllegalArgumentException("unknown weights '" + text
                + "'; expected random, imagenet, keras:<file.h5> or onnx:<file.onnx>");
    }

    /** Builds {@code backbone} for {@code options} and puts these weights into it. */
    public BackboneGraph build(Backbone backbone, BackboneOptions options, WeightsSource source) throws IOException {
        return switch (kind) {
            case RANDOM -> backbone.build(options);
            case IMAGENET -> backbone.imagenet(options, source);
            case KERAS -> {
                BackboneGraph graph = backbone.build(options);
                KerasWeights.load(file, graph);
                yield graph;
            }
            case ONNX -> {
                BackboneGraph graph = backbone.build(options);
                OnnxWeights.load(file, graph);
                yield graph;
            }
        };
    }

    @Override
    public String toString() {
        return file == null ? kind.name().toLowerCase(Locale.ROOT) : kind.name().toLowerCase(Locale.ROOT) + ":" + file;
    }
}
