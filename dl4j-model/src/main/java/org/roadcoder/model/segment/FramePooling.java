package org.roadcoder.model.segment;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the outputs of a segment's frames pool into the segment's output, per kind of label group:
 * the one definition that segment-level training (inside {@link SegmentPoolVertex}), {@code predict}'s
 * segment codes and evaluation's segment scores all use. It works on pre-activations (logits): the
 * pooled row is again a row of logits, so the grouped activation and loss apply to it unchanged.
 *
 * <p>Flags (an object seen anywhere in the segment is coded): {@code max}; {@code lse}, log-mean-exp
 * with temperature r, {@code (1/r) log(mean_t exp(r z_t))}, between the mean (r -> 0) and the max
 * (r -> infinity); {@code noisy_or}, {@code P = 1 - prod_t(1 - p_t)}; {@code linear_softmax},
 * {@code P = sum p_t^2 / sum p_t}. Exclusive groups (the value covering most of the segment):
 * {@code mean_logits}, softmax of the mean logits; {@code mean_probs}, the mean of the frames'
 * softmax probabilities (as the logits {@code log mean_t p_t}).
 *
 * @param flags       pooling of every flag output
 * @param exclusive   pooling of every exclusive block
 * @param temperature r of {@code lse}; ignored by the others
 */
public record FramePooling(Flags flags, Exclusive exclusive, double temperature) implements java.io.Serializable {

    /** Flag pooling. */
    public enum Flags { MAX, LSE, NOISY_OR, LINEAR_SOFTMAX }

    /** Exclusive-block pooling. */
    public enum Exclusive { MEAN_LOGITS, MEAN_PROBS }

    public FramePooling {
        if (flags == null || exclusive == null) {
            throw new IllegalArgumentException("frame pooling needs a flag and an exclusive pooling");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("lse temperature must be a positive number, got " + temperature);
        }
    }

    /**
     * What a frame-level model's segment codes have always been: a flag's maximum probability, an
     * exclusive group's mean probability.
     */
    public static FramePooling frameDefault() {
        return new FramePooling(Flags.MAX, Exclusive.MEAN_PROBS, 1.0);
    }

    /** The segment-level training default, the best measured (docs/quality.md). */
    public static FramePooling segmentDefault() {
        return new FramePooling(Flags.LSE, Exclusive.MEAN_LOGITS, 1.0);
    }

    /** Parses {@code max | lse | noisy_or | linear_softmax}. */
    public static Flags flags(String id) {
        return parse(Flags.class, id);
    }

    /** Parses {@code mean_logits | mean_probs}. */
    public static Exclusive exclusive(String id) {
        return parse(Exclusive.class, id);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + id + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(FramePooling::id).toList());
    }

    /** The configuration name of a pooling, e.g. {@code noisy_or}. */
    public static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The pooled logits of one segment.
     *
     * @param blockSizes 1 for a flag, the block size for an exclusive block, in output order
     * @param z          logits of the segment's frames, one row per frame (at least one)
     */
    public double[] forward(int[] blockSizes, double[][] z) {
        PoolingMath.check(blockSizes, z);
        double[] out = new double[z[0].length];
        int offset = 0;
        for (int size : blockSizes) {
            if (size == 1) {
                PoolingMath.flagForward(this, z, offset, out);
            } else {
                PoolingMath.blockForward(exclusive, z, offset, size, out);
            }
            offset += size;
        }
        return out;
    }

    /**
     * dL/dz of each frame's logits from dL/d(pooled logits) {@code g}.
     *
     * @return one row per row of {@code z}
     */
    public double[][] backward(int[] blockSizes, double[][] z, double[] g) {
        PoolingMath.check(blockSizes, z);
        double[][] grad = new double[z.length][z[0].length];
        int offset = 0;
        for (int size : blockSizes) {
            if (size == 1) {
                PoolingMath.flagBackward(this, z, offset, g[offset], grad);
            } else {
                PoolingMath.blockBackward(exclusive, z, offset, size, g, grad);
            }
            offset += size;
        }
        return grad;
    }

    /**
     * A segment's pooled probabilities from its frames' probabilities (what a frame-level network
     * outputs): each frame's logits are recovered ({@code logit p} for a flag, {@code log p} for a
     * block, equal to its logits up to a constant the softmax ignores), pooled, and activated again.
     *
     * @param blockSizes 1 for a flag, the block size for an exclusive block, in output order
     */
    public double[] poolProbabilities(int[] blockSizes, double[][] frameProbabilities) {
        PoolingMath.check(blockSizes, frameProbabilities);
        double[][] z = new double[frameProbabilities.length][];
        for (int t = 0; t < z.length; t++) {
            z[t] = PoolingMath.toLogits(blockSizes, frameProbabilities[t]);
        }
        double[] pooled = PoolingMath.activate(blockSizes, forward(blockSizes, z));
        PoolingMath.exactFrameDefault(this, blockSizes, frameProbabilities, pooled);
        return pooled;
    }

    @Override
    public String toString() {
        return "flags " + id(flags) + (flags == Flags.LSE ? " (r=" + temperature + ")" : "") + ", exclusive "
                + id(exclusive);
    }
}
