package org.roadcoder.model.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.metrics.Evaluator;
import org.roadcoder.model.metrics.Thresholds;
import org.roadcoder.model.segment.SegmentNetworks;

/**
 * The decision rule of the exclusive groups, corrected for the training labels' imbalance (post-hoc logit
 * adjustment): a category's logit is lowered by {@code tau * ln(share)}, its share of the training frames, so
 * the softmax gives {@code p(c | x) / share(c)^tau}, renormalised. {@code tau = 0} is the plain argmax, which
 * favours the frequent categories and with them accuracy; {@code tau = 1} divides the training prior out
 * (balanced error); macro-F1, which weighs a rare median barrier as much as the common centre line, is best
 * in between (docs/quality.md, "Prior correction").
 *
 * <p>It is applied to the weights: the offsets are added to the bias of the frame output layer, so the saved
 * model's own output is the corrected one, for {@code predict}, {@code evaluate}, Spark and anyone loading the
 * model in DL4J. Flags are left alone (their thresholds are tuned on validation instead). The correction is
 * stored in the model file under {@value #MODEL_ENTRY}, so it can be taken out again ({@link #removeFrom}) and
 * is never applied twice.
 *
 * @param tau    the exponent, in [0, 2]
 * @param shares share of each category in the training frames, by exclusive group name, in output order
 */
public record PriorCorrection(double tau, Map<String, double[]> shares) {

    public static final String MODEL_ENTRY = "roadcoder-prior-correction";
    /** The exponents {@link #tune} chooses from. */
    public static final double[] CANDIDATES = {0, 0.25, 0.5, 0.75, 1};

    /**
     * The exponent chosen on validation data and what each candidate scored there.
     *
     * @param chosen  the correction with the chosen exponent
     * @param scores  validation macro-F1 of the exclusive groups by candidate exponent, in {@link #CANDIDATES} order
     */
    public record Tuned(PriorCorrection chosen, Map<Double, Double> scores) {
        /** The exponent as given, not tuned. */
        public static Tuned fixed(PriorCorrection c) {
            return new Tuned(c, Map.of());
        }

        /** e.g. {@code tau 0.50, tuned on validation (macro-F1 of the exclusive groups by tau: 0.0 0.4120, ...)} */
        public String describe() {
            if (scores.isEmpty()) {
                return chosen.tau() == 0 ? "none (plain argmax)" : String.format(java.util.Locale.ROOT, "tau %.2f",
                        chosen.tau());
            }
            StringBuilder b = new StringBuilder();
            scores.forEach((t, f) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                    "%s %.4f", t, f)));
            return String.format(java.util.Locale.ROOT, "tau %.2f, tuned on validation (macro-F1 of the exclusive"
                    + " groups by tau: %s)", chosen.tau(), b);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public PriorCorrection {
        if (!(tau >= 0 && tau <= 2)) {
            throw new IllegalArgumentException("the prior correction's exponent must be in [0, 2], got " + tau);
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        shares.forEach((g, s) -> {
            for (double v : s) {
                if (!(v > 0 && v <= 1)) {
                    throw new IllegalArgumentException("share of a category of " + g + " must be in (0, 1], got "
                            + Arrays.toString(s));
                }
            }
            copy.put(g, s.clone());
        });
        shares = Collections.unmodifiableMap(copy);
    }

    /**
     * The correction for training labels {@code labels} (rows of 0/1, one-hot per exclusive block): each
     * category's share with one pseudo-count (so a category absent from training gets a large but finite
     * offset, not an infinite one).
     */
    public static PriorCorrection of(OutputLayout layout, double[][] labels, double tau) {
        Map<String, double[]> shares = new LinkedHashMap<>();
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() != OutputLayout.Kind.SOFTMAX) {
                continue;
            }
            double[] s = new double[b.size()];
            double total = 0;
            for (double[] y : labels) {
                for (int c = 0; c < b.size(); c++) {
                    if (y[b.offset() + c] > 0.5) {
                        s[c]++;
                        total++;
                    }
                }
            }
            for (int c = 0; c < s.length; c++) {
                s[c] = (s[c] + 1) / (total + s.length);
            }
            shares.put(b.name(), s);
        }
        return new PriorCorrection(tau, shares);
    }

    /** The same shares with exponent {@code newTau}. */
    public PriorCorrection withTau(double newTau) {
        return new PriorCorrection(newTau, shares);
    }

    /**
     * The exponent of {@link #CANDIDATES} whose corrected probabilities score the best macro-F1 of the exclusive
     * groups on {@code p} (uncorrected validation probabilities) against {@code y}; on a tie the smaller one.
     */
    public Tuned tune(OutputLayout layout, double[][] p, double[][] y) {
        Map<Double, Double> scores = new LinkedHashMap<>();
        PriorCorrection best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double t : CANDIDATES) {
            PriorCorrection c = withTau(t);
            double f1 = Evaluator.evaluate(layout, c.correct(layout, p), y, Thresholds.defaults()).metric("macro_f1");
            scores.put(t, f1);
            if (f1 > bestScore + 1e-12) {
                bestScore = f1;
                best = c;
            }
        }
        return new Tuned(best, scores);
    }

    /**
     * What the corrected network gives for probabilities {@code p} of the uncorrected one: each exclusive group's
     * {@code p(c) / share(c)^tau}, renormalised; flags as they are.
     */
    public double[][] correct(OutputLayout layout, double[][] p) {
        double[] offsets = logitOffsets(layout);
        double[][] out = new double[p.length][];
        for (int r = 0; r < p.length; r++) {
            out[r] = p[r].clone();
            for (OutputLayout.Block b : layout.blocks()) {
                if (b.kind() != OutputLayout.Kind.SOFTMAX) {
                    continue;
                }
                double sum = 0;
                for (int c = b.offset(); c < b.end(); c++) {
                    out[r][c] = p[r][c] * Math.exp(offsets[c]);
                    sum += out[r][c];
                }
                for (int c = b.offset(); c < b.end(); c++) {
                    out[r][c] /= sum;
                }
            }
        }
        return out;
    }

    /** What is added to each output's logit: {@code -tau ln share} on exclusive outputs, 0 on flags. */
    public double[] logitOffsets(OutputLayout layout) {
        double[] offsets = new double[layout.size()];
        for (OutputLayout.Block b : layout.blocks()) {
            if (b.kind() != OutputLayout.Kind.SOFTMAX) {
                continue;
            }
            double[] s = shares.get(b.name());
            if (s == null || s.length != b.size()) {
                throw new IllegalArgumentException("the prior correction has " + (s == null ? "no shares"
                        : s.length + " shares") + " for exclusive group " + b.name() + " of " + b.size() + " outputs");
            }
            for (int c = 0; c < b.size(); c++) {
                offsets[b.offset() + c] = -tau * Math.log(s[c]);
            }
        }
        return offsets;
    }

    /** Adds the offsets to the bias of {@code net}'s frame output layer (in place). */
    public void applyTo(ComputationGraph net, OutputLayout layout) {
        shift(net, logitOffsets(layout), 1);
    }

    /** Takes the offsets out of {@code net}'s frame output layer again (in place). */
    public void undoFrom(ComputationGraph net, OutputLayout layout) {
        shift(net, logitOffsets(layout), -1);
    }

    private static void shift(ComputationGraph net, double[] offsets, double sign) {
        String name = SegmentNetworks.isSegmentLevel(net) ? SegmentNetworks.FRAME_LOGITS
                : net.getConfiguration().getNetworkOutputs().get(0);
        Layer layer = net.getLayer(name);
        INDArray bias = layer == null ? null : layer.getParam("b");
        if (bias == null || bias.length() != offsets.length) {
            throw new IllegalArgumentException("output layer " + name + " has " + (bias == null ? "no bias"
                    : bias.length() + " bias values") + "; the prior correction needs a bias of " + offsets.length);
        }
        INDArray delta = org.nd4j.linalg.factory.Nd4j.createFromArray(offsets).castTo(bias.dataType())
                .reshape(bias.shape()).muli(sign);
        bias.addi(delta);
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the prior correction as JSON", e);
        }
    }

    public static PriorCorrection fromJson(String json) {
        try {
            return JSON.readValue(json, PriorCorrection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a prior correction JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Records this correction inside a model file written by {@code ModelSerializer} (whose weights carry it). */
    public void addTo(File modelFile) {
        ModelSerializer.addObjectToFile(modelFile, MODEL_ENTRY, toJson());
    }

    /** The correction a model file's weights carry, or null if none. */
    public static PriorCorrection readFrom(File modelFile) {
        if (!ModelSerializer.listObjectsInFile(modelFile).contains(MODEL_ENTRY)) {
            return null;
        }
        return fromJson(ModelSerializer.getObjectFromFile(modelFile, MODEL_ENTRY));
    }

    /**
     * Takes the correction recorded in {@code modelFile} out of {@code net} (restored from that file), so the
     * network is the one training produced; does nothing for a file without one.
     */
    public static void removeFrom(ComputationGraph net, File modelFile, OutputLayout layout) {
        PriorCorrection applied = readFrom(modelFile);
        if (applied != null) {
            applied.undoFrom(net, layout);
        }
    }
}
