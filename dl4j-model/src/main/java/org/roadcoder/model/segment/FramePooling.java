package org.roadcoder.model.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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
 * <p>Hybrid training ({@code frameBlocks} not empty): the blocks named there, groups that run along the
 * road (the value of a frame is nearly always the segment's), are trained frame by frame on the segment's
 * label, as frame-level training does, and pooled into segment codes as a frame-level model's are (max,
 * mean probabilities); the other blocks, point objects, are pooled with {@code flags} / {@code exclusive}
 * in training too. See {@link #trainForward}.
 *
 * @param flags       pooling of every pooled flag output
 * @param exclusive   pooling of every pooled exclusive block
 * @param temperature r of {@code lse}; ignored by the others
 * @param frameBlocks indexes (in output order, a flag or an exclusive block each) of the blocks trained frame
 *                    by frame; empty: every block is pooled in training (plain multiple-instance training)
 */
public record FramePooling(Flags flags, Exclusive exclusive, double temperature, Set<Integer> frameBlocks)
        implements java.io.Serializable {

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
        frameBlocks = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(frameBlocks == null ? Set.of()
                : frameBlocks));
        if (frameBlocks.stream().anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("block indexes cannot be negative, got " + frameBlocks);
        }
    }

    /** Every block pooled in training. */
    public FramePooling(Flags flags, Exclusive exclusive, double temperature) {
        this(flags, exclusive, temperature, Set.of());
    }

    /** The same pooling with these blocks trained frame by frame ({@link #frameBlocks()}). */
    public FramePooling withFrameBlocks(Set<Integer> blocks) {
        return new FramePooling(flags, exclusive, temperature, blocks);
    }

    /** Whether some blocks are trained frame by frame: the training graph then keeps one row per frame. */
    public boolean hybrid() {
        return !frameBlocks.isEmpty();
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
        checkBlocks(blockSizes);
        double[] out = new double[z[0].length];
        int offset = 0;
        for (int i = 0; i < blockSizes.length; i++) {
            FramePooling p = of(i);
            if (blockSizes[i] == 1) {
                PoolingMath.flagForward(p, z, offset, out);
            } else {
                PoolingMath.blockForward(p.exclusive, z, offset, blockSizes[i], out);
            }
            offset += blockSizes[i];
        }
        return out;
    }

    /**
     * What the training graph's pooling vertex outputs for one segment in hybrid training: one row per
     * frame, a frame-trained block's own logits, a pooled block's segment logits copied to each frame
     * (the loss of a frame then compares the segment's pooled output with the segment's label, and the
     * segment counts once per frame, as its frames do in frame-level training).
     */
    public double[][] trainForward(int[] blockSizes, double[][] z) {
        double[] pooled = forward(blockSizes, z);
        double[][] out = new double[z.length][];
        for (int t = 0; t < z.length; t++) {
            out[t] = z[t].clone();
            int offset = 0;
            for (int i = 0; i < blockSizes.length; i++) {
                if (!frameBlocks.contains(i)) {
                    System.arraycopy(pooled, offset, out[t], offset, blockSizes[i]);
                }
                offset += blockSizes[i];
            }
        }
        return out;
    }

    /** dL/dz of each frame's logits from dL/d({@link #trainForward}'s rows) {@code eps}. */
    public double[][] trainBackward(int[] blockSizes, double[][] z, double[][] eps) {
        double[] g = new double[z[0].length];
        for (double[] row : eps) {
            for (int k = 0; k < g.length; k++) {
                g[k] += row[k];
            }
        }
        double[][] grad = backward(blockSizes, z, g);
        int offset = 0;
        for (int i = 0; i < blockSizes.length; i++) {
            if (frameBlocks.contains(i)) {
                for (int t = 0; t < z.length; t++) {
                    System.arraycopy(eps[t], offset, grad[t], offset, blockSizes[i]);
                }
            }
            offset += blockSizes[i];
        }
        return grad;
    }

    /** The pooling block {@code i} is coded with: {@link #frameDefault()} for a frame-trained block. */
    FramePooling of(int block) {
        return frameBlocks.contains(block) ? frameDefault() : this;
    }

    private void checkBlocks(int[] blockSizes) {
        int last = frameBlocks.stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (last >= blockSizes.length) {
            throw new IllegalArgumentException("frame-trained block " + last + " but the output has "
                    + blockSizes.length + " blocks");
        }
    }

    /**
     * dL/dz of each frame's logits from dL/d(pooled logits) {@code g}.
     *
     * @return one row per row of {@code z}
     */
    public double[][] backward(int[] blockSizes, double[][] z, double[] g) {
        PoolingMath.check(blockSizes, z);
        checkBlocks(blockSizes);
        double[][] grad = new double[z.length][z[0].length];
        int offset = 0;
        for (int i = 0; i < blockSizes.length; i++) {
            FramePooling p = of(i);
            if (blockSizes[i] == 1) {
                PoolingMath.flagBackward(p, z, offset, g[offset], grad);
            } else {
                PoolingMath.blockBackward(p.exclusive, z, offset, blockSizes[i], g, grad);
            }
            offset += blockSizes[i];
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
                + id(exclusive) + (hybrid() ? ", blocks " + frameBlocks + " trained per frame" : "");
    }
}
